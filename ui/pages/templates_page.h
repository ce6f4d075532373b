#pragma once
// The Templates page: the project's templates (new projects start with the built-in catalogue)
// with their example images and a check box for the Generate page; the editor of the chosen
// one with undo/redo, its problems next to each field and a live example from the engine; the
// live total of the chosen templates; import and export as JSON or CSV.
//
// Unsaved changes are kept as a draft per template: switching templates or pages keeps them
// (the list marks them "Not saved"), and they are also kept in the settings, so closing the
// window before "Save" loses nothing; they come back the next time the project is opened.
#include "ui/jobs/catalogue_types.h"
#include "ui/pages/page.h"
#include "ui/pages/template_commands.h"

#include <QHash>

class QAction;
class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QTimer;
class QUndoGroup;
class QUndoStack;

namespace rashisa::ui {

enum class JobKind;
class TemplateEditor;
class TemplateImportPanel;
class TemplateListModel;
class TemplateTotalLine;

class TemplatesPage : public Page {
  Q_OBJECT

 public:
  explicit TemplatesPage(AppController& controller, QWidget* parent = nullptr);

  TemplateListModel* templateModel() const { return model_; }
  QListView* list() const { return list_; }
  TemplateEditor* editor() const { return editor_; }
  TemplateTotalLine* totalLine() const { return total_; }
  TemplateImportPanel* importPanel() const { return importPanel_; }
  QUndoGroup* undoGroup() const { return group_; }
  QUndoStack* currentStack() const;
  QPushButton* newButton() const { return new_; }
  QPushButton* duplicateButton() const { return duplicate_; }
  QPushButton* removeButton() const { return remove_; }
  QPushButton* importButton() const { return import_; }
  QPushButton* exportButton() const { return export_; }
  QPushButton* makeExamplesButton() const { return makeExamples_; }
  QLabel* examplesLine() const { return examplesLine_; }
  QPushButton* undoButton() const { return undo_; }
  QPushButton* redoButton() const { return redo_; }
  QPushButton* discardButton() const { return discard_; }
  QPushButton* saveButton() const { return save_; }
  QLabel* saveReason() const { return saveReason_; }
  /// The template shown in the editor (its row's uid; 0: none).
  int currentUid() const { return currentUid_; }
  void selectRow(int row);
  /// A check of the edited template is waiting (debounce) or not answered yet.
  bool previewPending() const;
  /// Answers to checks shown, and answers dropped because a newer check was asked for.
  int previewsShown() const { return previewsShown_; }
  int previewsDropped() const { return previewsDropped_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QWidget* buildList();
  QWidget* buildExamplesBox();
  QLayout* buildBottom();
  void onProjectChanged();
  void loadProject();
  void restoreSelection();
  void select(int uid);
  QUndoStack* stackFor(int uid);
  void edit(const TemplateItem& item, TemplateField field);
  void onDraftChanged(int uid);
  void requestPreview();
  void onPreviewed(int request, const TemplatePreview& preview);
  QList<TemplateProblem> localProblems(const TemplateItem& item) const;
  void save();
  void onSaved(const TemplateItem& item);
  void discard();
  void newTemplate();
  void duplicateTemplate();
  void removeTemplate();
  void importTemplates();
  void onImported(const TemplateImport& result);
  void exportTemplates();
  void makeExamples();
  void onJobEnded(JobKind kind);
  void refreshExamples();
  void refreshTotal();
  void updateButtons();
  void persistDrafts();
  void persistChosen();
  qint64 newestTrainedProduct() const;
  int trainedProducts() const;

  TemplateListModel* model_;
  QListView* list_;
  QStackedWidget* editorStack_;
  TemplateEditor* editor_;
  TemplateImportPanel* importPanel_;
  TemplateTotalLine* total_;
  QUndoGroup* group_;
  QHash<int, QUndoStack*> stacks_;
  QAction* undoAction_;
  QAction* redoAction_;
  QTimer* previewTimer_;
  QPushButton* new_;
  QPushButton* duplicate_;
  QPushButton* remove_;
  QPushButton* import_;
  QPushButton* export_;
  QWidget* examplesBox_;
  QLabel* examplesLine_;
  QPushButton* makeExamples_;
  QPushButton* undo_;
  QPushButton* redo_;
  QPushButton* discard_;
  QLabel* saveReason_;
  QPushButton* save_;
  QString projectPath_;
  QString importPath_;
  int currentUid_ = 0;
  int previewRequest_ = 0;  // the newest check asked for
  bool previewWaiting_ = false;
  int previewsShown_ = 0;
  int previewsDropped_ = 0;
};

}  // namespace rashisa::ui
