#pragma once
// The editor of one template: names, id, prompt with {product} and variables, negative prompt,
// size, steps, guidance, sampler and images per prompt, each field with its problems right
// below it, and the live example the engine expands. It shows a template (setTemplate) and
// reports each change as the whole new template (edited), so the page can make it undoable.
#include "ui/jobs/catalogue_types.h"
#include "ui/pages/template_commands.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace rashisa::ui {

class FieldProblem;
class TemplateVariablesEditor;

class TemplateEditor : public QWidget {
  Q_OBJECT

 public:
  explicit TemplateEditor(QWidget* parent = nullptr);

  /// Shows `item`; fields whose text is already the same are left alone (the cursor stays).
  void setTemplate(const TemplateItem& item);
  const TemplateItem& current() const { return item_; }
  /// The problems of the latest check, each below its field.
  void setProblems(const QList<TemplateProblem>& problems);
  /// The expanded example and the prompt count of the latest check (empty: none yet).
  void setPreview(const TemplatePreview& preview, bool valid);
  bool hasProblems() const { return problemCount_ > 0; }

  QLineEdit* labelJaEdit() const { return labelJa_; }
  QLineEdit* labelEnEdit() const { return labelEn_; }
  QLineEdit* keyEdit() const { return key_; }
  QPlainTextEdit* promptEdit() const { return prompt_; }
  QLineEdit* negativeEdit() const { return negative_; }
  QPushButton* insertProductButton() const { return insertProduct_; }
  TemplateVariablesEditor* variablesEditor() const { return variables_; }
  QSpinBox* widthBox() const { return width_; }
  QSpinBox* heightBox() const { return height_; }
  QSpinBox* stepsBox() const { return steps_; }
  QDoubleSpinBox* guidanceBox() const { return guidance_; }
  QComboBox* samplerBox() const { return sampler_; }
  QSpinBox* imagesBox() const { return images_; }
  QPlainTextEdit* exampleView() const { return example_; }
  QLabel* countLabel() const { return count_; }
  QLabel* builtinNote() const { return builtinNote_; }
  /// The problem shown below a part ("prompt", "size", ... or "" for the template as a whole).
  FieldProblem* problemOf(const QString& part) const { return problems_.value(part); }

 Q_SIGNALS:
  void edited(const rashisa::ui::TemplateItem& item, rashisa::ui::TemplateField field);

 private:
  QWidget* buildNames();
  QWidget* buildPrompt();
  QWidget* buildSettings();
  QWidget* buildPreview();
  FieldProblem* addProblem(const QString& part);
  /// Reports `item_` with one member changed (nothing while setTemplate() fills the fields).
  template <typename T>
  void change(T TemplateItem::* member, const T& value, TemplateField field);
  void insertIntoPrompt(const QString& text);
  QSpinBox* makeSpin(int min, int max, int step, TemplateField field, int TemplateItem::* member);

  TemplateItem item_;
  bool updating_ = false;
  int problemCount_ = 0;
  QMap<QString, FieldProblem*> problems_;
  QLabel* builtinNote_;
  QLineEdit* labelJa_;
  QLineEdit* labelEn_;
  QLineEdit* key_;
  QPlainTextEdit* prompt_;
  QPushButton* insertProduct_;
  QLineEdit* negative_;
  TemplateVariablesEditor* variables_;
  QSpinBox* width_;
  QSpinBox* height_;
  QSpinBox* steps_;
  QDoubleSpinBox* guidance_;
  QComboBox* sampler_;
  QSpinBox* images_;
  QLabel* count_;
  QPlainTextEdit* example_;
};

}  // namespace rashisa::ui
