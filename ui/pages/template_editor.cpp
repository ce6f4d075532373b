#include "ui/pages/template_editor.h"

#include "ui/pages/template_variables_editor.h"
#include "ui/text/template_text.h"
#include "ui/widgets/field_problem.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {

QLabel* caption(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  l->setStyleSheet(QStringLiteral("color: #5a6570;"));
  return l;
}

int lines(const QWidget* w, int n) { return n * w->fontMetrics().lineSpacing() + 14; }

/// A plain widget holding `layout` (without margins), for one row of the editor.
template <typename Layout>
QWidget* holder(QWidget* parent, Layout*& layout) {
  auto* w = new QWidget(parent);
  layout = new Layout(w);
  layout->setContentsMargins(0, 0, 0, 0);
  return w;
}

}  // namespace

TemplateEditor::TemplateEditor(QWidget* parent) : QWidget(parent) {
  // A grid rather than a QFormLayout: the grid gives word-wrapped problem lines the height
  // they need at the width they get (QFormLayout keeps the taller size hint).
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 8, 0);
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(12);
  grid->setVerticalSpacing(6);
  grid->setColumnStretch(1, 1);
  int row = 0;
  auto add = [&](const QString& label, QWidget* field, Qt::Alignment align = Qt::AlignVCenter) {
    if (!label.isEmpty()) grid->addWidget(new QLabel(label, this), row, 0, Qt::AlignRight | align);
    grid->addWidget(field, row++, 1);
  };
  auto span = [&](QWidget* field) { grid->addWidget(field, row++, 0, 1, 2); };
  builtinNote_ = caption(tr("A built-in template: changes apply to this project only."), this);
  builtinNote_->setWordWrap(true);
  span(builtinNote_);
  span(addProblem(QString()));
  add(tr("Name"), buildNames());
  add({}, addProblem(QStringLiteral("labels")));
  key_ = new QLineEdit(this);
  key_->setAccessibleName(tr("ID"));
  key_->setToolTip(tr("A short ID used in file names and exports: lower-case letters a–z, digits, - and _"));
  key_->setMaxLength(64);
  key_->setMaximumWidth(260);
  add(tr("ID"), key_);
  add({}, addProblem(QStringLiteral("key")));
  add(tr("Prompt"), buildPrompt(), Qt::AlignTop);
  add({}, addProblem(QStringLiteral("prompt")));
  negative_ = new QLineEdit(this);
  negative_->setPlaceholderText(tr("What the images should not show, e.g. blurry, text, watermark"));
  negative_->setAccessibleName(tr("Negative prompt"));
  add(tr("Negative prompt"), negative_);
  add({}, addProblem(QStringLiteral("negative")));
  // The variables take the whole width: two tables side by side.
  variables_ = new TemplateVariablesEditor(this);
  span(variables_);
  add({}, addProblem(QStringLiteral("variables")));
  add(tr("Settings"), buildSettings(), Qt::AlignTop);
  for (const char* part : {"size", "steps", "guidance", "sampler", "images"})
    add({}, addProblem(QLatin1String(part)));
  add(tr("Example"), buildPreview(), Qt::AlignTop);
  outer->addLayout(grid);
  outer->addStretch(1);  // spare height below the fields, not inside their rows

  auto bind = [this](QLineEdit* edit, QString TemplateItem::* member, TemplateField field) {
    connect(edit, &QLineEdit::textEdited, this, [this, member, field](const QString& text) {
      change(member, field == TemplateField::Key ? text.trimmed() : text, field);
    });
  };
  bind(labelJa_, &TemplateItem::labelJa, TemplateField::LabelJa);
  bind(labelEn_, &TemplateItem::labelEn, TemplateField::LabelEn);
  bind(key_, &TemplateItem::key, TemplateField::Key);
  bind(negative_, &TemplateItem::negativePrompt, TemplateField::Negative);
  connect(prompt_, &QPlainTextEdit::textChanged, this,
          [this] { change(&TemplateItem::prompt, prompt_->toPlainText(), TemplateField::Prompt); });
  connect(insertProduct_, &QPushButton::clicked, this, [this] { insertIntoPrompt(QStringLiteral("{product}")); });
  connect(variables_, &TemplateVariablesEditor::insertRequested, this, &TemplateEditor::insertIntoPrompt);
  connect(variables_, &TemplateVariablesEditor::edited, this,
          [this](const QList<TemplateVariable>& v) { change(&TemplateItem::variables, v, TemplateField::Variables); });
  setTemplate(item_);
}

FieldProblem* TemplateEditor::addProblem(const QString& part) {
  auto* p = new FieldProblem(this);
  problems_.insert(part, p);
  return p;
}

QWidget* TemplateEditor::buildNames() {
  QHBoxLayout* row = nullptr;
  QWidget* w = holder(this, row);
  labelJa_ = new QLineEdit(w);
  labelJa_->setAccessibleName(tr("Name in Japanese"));
  labelEn_ = new QLineEdit(w);
  labelEn_->setAccessibleName(tr("Name in English"));
  row->addWidget(caption(tr("Japanese"), w));
  row->addWidget(labelJa_, 3);
  row->addSpacing(6);
  row->addWidget(caption(tr("English"), w));
  row->addWidget(labelEn_, 3);
  return w;
}

QWidget* TemplateEditor::buildPrompt() {
  QHBoxLayout* row = nullptr;
  QWidget* w = holder(this, row);
  prompt_ = new QPlainTextEdit(w);
  prompt_->setAccessibleName(tr("Prompt"));
  prompt_->setPlaceholderText(tr("In English, e.g. a photo of {product} on a wooden table, soft daylight"));
  prompt_->setTabChangesFocus(true);
  prompt_->setUndoRedoEnabled(false);  // the page's undo stack undoes every edit
  prompt_->setFixedHeight(lines(prompt_, 3));
  insertProduct_ = new QPushButton(tr("Insert {product}"), w);
  insertProduct_->setToolTip(tr("Put the product into the prompt at the cursor"));
  row->addWidget(prompt_, 1);
  row->addWidget(insertProduct_, 0, Qt::AlignTop);
  w->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  return w;
}

QSpinBox* TemplateEditor::makeSpin(int min, int max, int step, TemplateField field, int TemplateItem::* member) {
  auto* box = new QSpinBox(this);
  box->setRange(min, max);
  box->setSingleStep(step);
  connect(box, &QSpinBox::valueChanged, this, [this, field, member](int value) { change(member, value, field); });
  return box;
}

QWidget* TemplateEditor::buildSettings() {
  QVBoxLayout* rows = nullptr;
  QWidget* w = holder(this, rows);
  rows->setSpacing(6);
  width_ = makeSpin(8, 4096, 64, TemplateField::Width, &TemplateItem::width);
  width_->setAccessibleName(tr("Width"));
  height_ = makeSpin(8, 4096, 64, TemplateField::Height, &TemplateItem::height);
  height_->setAccessibleName(tr("Height"));
  steps_ = makeSpin(1, 1000, 5, TemplateField::Steps, &TemplateItem::steps);
  steps_->setAccessibleName(tr("Steps"));
  steps_->setToolTip(tr("More steps: finer detail but slower. 25 to 50 suits most images."));
  images_ = makeSpin(1, 64, 1, TemplateField::Images, &TemplateItem::imagesPerPrompt);
  images_->setAccessibleName(tr("Images per prompt"));
  images_->setToolTip(tr("How many images (seeds) each prompt makes"));
  guidance_ = new QDoubleSpinBox(w);
  guidance_->setRange(0, 50);
  guidance_->setDecimals(1);
  guidance_->setSingleStep(0.5);
  guidance_->setAccessibleName(tr("Guidance"));
  guidance_->setToolTip(tr("How closely the images follow the prompt. 7 to 8 suits most images."));
  sampler_ = new QComboBox(w);
  sampler_->setAccessibleName(tr("Sampler"));
  for (const SamplerName& s : TemplateText::samplers()) sampler_->addItem(s.name, s.id);
  auto* first = new QHBoxLayout;
  first->setSpacing(6);
  first->addWidget(caption(tr("Size"), w));
  first->addWidget(width_);
  first->addWidget(caption(QStringLiteral("×"), w));
  first->addWidget(height_);
  first->addSpacing(12);
  first->addWidget(caption(tr("Steps"), w));
  first->addWidget(steps_);
  first->addSpacing(12);
  first->addWidget(caption(tr("Guidance"), w));
  first->addWidget(guidance_);
  first->addStretch(1);
  auto* second = new QHBoxLayout;
  second->setSpacing(6);
  second->addWidget(caption(tr("Sampler"), w));
  second->addWidget(sampler_);
  second->addSpacing(12);
  second->addWidget(caption(tr("Images per prompt"), w));
  second->addWidget(images_);
  second->addStretch(1);
  rows->addLayout(first);
  rows->addLayout(second);
  connect(guidance_, &QDoubleSpinBox::valueChanged, this,
          [this](double value) { change(&TemplateItem::guidance, value, TemplateField::Guidance); });
  connect(sampler_, &QComboBox::currentIndexChanged, this, [this](int i) {
    change(&TemplateItem::sampler, sampler_->itemData(i).toString(), TemplateField::Sampler);
  });
  return w;
}

QWidget* TemplateEditor::buildPreview() {
  QVBoxLayout* column = nullptr;
  QWidget* w = holder(this, column);
  column->setSpacing(4);
  count_ = new QLabel(w);
  count_->setWordWrap(true);
  example_ = new QPlainTextEdit(w);
  example_->setReadOnly(true);
  example_->setAccessibleName(tr("Example prompts"));
  example_->setFixedHeight(lines(example_, 4));
  example_->setStyleSheet(QStringLiteral("QPlainTextEdit { background: #f6f8fa; }"));
  column->addWidget(count_);
  column->addWidget(example_);
  w->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  return w;
}

template <typename T>
void TemplateEditor::change(T TemplateItem::* member, const T& value, TemplateField field) {
  if (updating_) return;
  TemplateItem next = item_;
  next.*member = value;
  Q_EMIT edited(next, field);
}

void TemplateEditor::insertIntoPrompt(const QString& text) {
  prompt_->setFocus();
  QTextCursor cursor = prompt_->textCursor();
  cursor.insertText(text);  // textChanged makes it an edit
  prompt_->setTextCursor(cursor);
}

void TemplateEditor::setTemplate(const TemplateItem& item) {
  item_ = item;
  updating_ = true;
  auto setLine = [](QLineEdit* e, const QString& t) {
    if (e->text() != t) e->setText(t);
  };
  setLine(labelJa_, item.labelJa);
  setLine(labelEn_, item.labelEn);
  setLine(key_, item.key);
  setLine(negative_, item.negativePrompt);
  if (prompt_->toPlainText() != item.prompt) prompt_->setPlainText(item.prompt);
  width_->setValue(item.width);
  height_->setValue(item.height);
  steps_->setValue(item.steps);
  guidance_->setValue(item.guidance);
  images_->setValue(item.imagesPerPrompt);
  int sampler = sampler_->findData(item.sampler);
  if (sampler < 0) {  // a sampler this window has no name for: shown as it is, so it is not lost
    sampler_->addItem(item.sampler, item.sampler);
    sampler = sampler_->count() - 1;
  }
  sampler_->setCurrentIndex(sampler);
  variables_->setVariables(item.variables);
  builtinNote_->setVisible(item.builtin);
  updating_ = false;
}

void TemplateEditor::setProblems(const QList<TemplateProblem>& problems) {
  QMap<QString, QStringList> lines;
  QMap<QString, QList<TemplateProblem>> unknown;
  for (const TemplateProblem& p : problems) {
    const QString part = problems_.contains(TemplateText::part(p.field)) ? TemplateText::part(p.field) : QString();
    lines[part] << TemplateText::problem(p);
    if (!TemplateText::knownCode(p.code)) unknown[part] << p;
  }
  for (auto it = problems_.begin(); it != problems_.end(); ++it) {
    QStringList l = lines.value(it.key());
    l.removeDuplicates();
    it.value()->setProblems(l, unknown.contains(it.key()) ? TemplateText::details(unknown.value(it.key())) : QString());
  }
  problemCount_ = static_cast<int>(problems.size());
}

void TemplateEditor::setPreview(const TemplatePreview& preview, bool valid) {
  if (!valid) {
    count_->setText(tr("Checking…"));
    return;
  }
  if (!preview.problems.isEmpty()) {
    count_->setText(tr("Fix the marked fields to see the example."));
    example_->clear();
    return;
  }
  count_->setText(tr("This template makes %n prompt(s) per product. The first ones:", nullptr,
                     static_cast<int>(std::min<qint64>(preview.prompts, 1'000'000))));
  QStringList text = preview.examples;
  if (!preview.negativeExample.isEmpty()) text << tr("Negative: %1").arg(preview.negativeExample);
  example_->setPlainText(text.join(QLatin1Char('\n')));
}

}  // namespace rashisa::ui
