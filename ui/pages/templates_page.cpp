#include "ui/pages/templates_page.h"

#include "ui/models/template_delegate.h"
#include "ui/models/template_draft.h"
#include "ui/models/template_list_model.h"
#include "ui/pages/template_editor.h"
#include "ui/pages/template_import_panel.h"
#include "ui/pages/template_total_line.h"
#include "ui/settings/settings.h"
#include "ui/window/app_controller.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {

const QKeySequence kUndo(Qt::CTRL | Qt::Key_Z);
const QList<QKeySequence> kRedo{QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)};

}  // namespace

TemplatesPage::TemplatesPage(AppController& controller, QWidget* parent)
    : Page(controller, tr("Prompt templates"), parent) {
  model_ = new TemplateListModel(this);
  group_ = new QUndoGroup(this);
  importPanel_ = new TemplateImportPanel(this);
  body()->addWidget(importPanel_);

  auto* columns = new QHBoxLayout;
  columns->setSpacing(16);
  columns->addWidget(buildList());
  editorStack_ = new QStackedWidget(this);
  auto* scroll = new QScrollArea(editorStack_);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  editor_ = new TemplateEditor(scroll);
  scroll->setWidget(editor_);
  auto* empty = new QLabel(tr("Choose a template on the left, or make a new one."), editorStack_);
  empty->setAlignment(Qt::AlignCenter);
  empty->setWordWrap(true);
  editorStack_->addWidget(scroll);
  editorStack_->addWidget(empty);
  columns->addWidget(editorStack_, 1);
  body()->addLayout(columns, 1);
  total_ = new TemplateTotalLine(this);
  body()->addWidget(total_);
  body()->addLayout(buildBottom());

  undoAction_ = new QAction(tr("Undo"), this);
  undoAction_->setShortcut(kUndo);
  redoAction_ = new QAction(tr("Redo"), this);
  redoAction_->setShortcuts(kRedo);
  for (QAction* a : {undoAction_, redoAction_}) {
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(a);
  }
  // Text fields would take Ctrl+Z for their own undo; the page's stack undoes every edit.
  qApp->installEventFilter(this);

  previewTimer_ = new QTimer(this);
  previewTimer_->setSingleShot(true);
  previewTimer_->setInterval(250);
  connect(previewTimer_, &QTimer::timeout, this, &TemplatesPage::requestPreview);
  connect(undoAction_, &QAction::triggered, group_, &QUndoGroup::undo);
  connect(redoAction_, &QAction::triggered, group_, &QUndoGroup::redo);
  connect(undo_, &QPushButton::clicked, group_, &QUndoGroup::undo);
  connect(redo_, &QPushButton::clicked, group_, &QUndoGroup::redo);
  connect(group_, &QUndoGroup::indexChanged, this, &TemplatesPage::updateButtons);
  connect(group_, &QUndoGroup::activeStackChanged, this, &TemplatesPage::updateButtons);
  connect(editor_, &TemplateEditor::edited, this, &TemplatesPage::edit);
  connect(model_, &TemplateListModel::draftChanged, this, &TemplatesPage::onDraftChanged);
  connect(model_, &TemplateListModel::chosenChanged, this, [this] {
    persistChosen();
    refreshTotal();
  });
  connect(model_, &QAbstractItemModel::modelReset, this, &TemplatesPage::restoreSelection);
  connect(list_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { select(model_->uidAt(current.row())); });
  connect(importPanel_, &TemplateImportPanel::retryRequested, this, &TemplatesPage::importTemplates);
  connect(&controller, &AppController::projectChanged, this, &TemplatesPage::onProjectChanged);
  connect(&controller, &AppController::templatePreviewed, this, &TemplatesPage::onPreviewed);
  connect(&controller, &AppController::templateSaved, this, &TemplatesPage::onSaved);
  connect(&controller, &AppController::templatesImported, this, &TemplatesPage::onImported);
  connect(&controller, &AppController::generationSpeedChanged, this, &TemplatesPage::refreshTotal);
  connect(&controller, &AppController::environmentChanged, this, &TemplatesPage::refreshTotal);
  connect(&controller, &AppController::trainingChanged, this, &TemplatesPage::refreshExamples);
  connect(&controller, &AppController::batchChanged, this, &TemplatesPage::refreshExamples);
  connect(&controller, &AppController::busyChanged, this, &TemplatesPage::refreshExamples);
  auto ended = [this](int, JobKind kind) { onJobEnded(kind); };
  connect(&controller.jobs(), &JobRunner::jobFinished, this, ended);
  connect(&controller.jobs(), &JobRunner::jobFailed, this, ended);
  connect(&controller.jobs(), &JobRunner::jobCancelled, this, ended);
  onProjectChanged();
}

QWidget* TemplatesPage::buildList() {
  auto* w = new QWidget(this);
  w->setFixedWidth(300);
  auto* column = new QVBoxLayout(w);
  column->setContentsMargins(0, 0, 0, 0);
  column->setSpacing(6);
  auto* hint = new QLabel(tr("Tick the templates to use on the Generate page."), w);
  hint->setWordWrap(true);
  column->addWidget(hint);
  list_ = new QListView(w);
  list_->setModel(model_);
  list_->setItemDelegate(new TemplateDelegate(list_));
  list_->setSelectionMode(QAbstractItemView::SingleSelection);
  list_->setUniformItemSizes(true);
  list_->setAccessibleName(tr("Templates in the project"));
  column->addWidget(list_, 1);
  auto* edits = new QHBoxLayout;
  new_ = new QPushButton(tr("New"), w);
  new_->setToolTip(tr("Make a new template"));
  duplicate_ = new QPushButton(tr("Duplicate"), w);
  duplicate_->setToolTip(tr("Make a copy of the selected template to change"));
  remove_ = new QPushButton(tr("Remove…"), w);
  remove_->setToolTip(tr("Remove the selected template from the project"));
  for (QPushButton* b : {new_, duplicate_, remove_}) edits->addWidget(b);
  column->addLayout(edits);
  auto* files = new QHBoxLayout;
  import_ = new QPushButton(tr("Import…"), w);
  import_->setToolTip(tr("Add templates from a JSON or CSV file"));
  export_ = new QPushButton(tr("Export…"), w);
  export_->setToolTip(tr("Write the project's saved templates to a JSON or CSV file"));
  files->addWidget(import_);
  files->addWidget(export_);
  column->addLayout(files);
  column->addWidget(buildExamplesBox());
  connect(new_, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
  connect(duplicate_, &QPushButton::clicked, this, &TemplatesPage::duplicateTemplate);
  connect(remove_, &QPushButton::clicked, this, &TemplatesPage::removeTemplate);
  connect(import_, &QPushButton::clicked, this, &TemplatesPage::importTemplates);
  connect(export_, &QPushButton::clicked, this, &TemplatesPage::exportTemplates);
  return w;
}

QWidget* TemplatesPage::buildExamplesBox() {
  examplesBox_ = new QFrame(this);
  examplesBox_->setObjectName(QStringLiteral("examplesBox"));
  examplesBox_->setStyleSheet(QStringLiteral("QFrame#examplesBox { border: 1px solid #d5dbe1; border-radius: 6px; }"
                                             "QFrame#examplesBox QLabel { border: none; }"));
  auto* column = new QVBoxLayout(examplesBox_);
  column->setContentsMargins(8, 6, 8, 6);
  examplesLine_ = new QLabel(examplesBox_);
  examplesLine_->setWordWrap(true);
  makeExamples_ = new QPushButton(tr("Make examples now"), examplesBox_);
  makeExamples_->setToolTip(tr("Make one example image per template with the trained product"));
  column->addWidget(examplesLine_);
  column->addWidget(makeExamples_, 0, Qt::AlignLeft);
  connect(makeExamples_, &QPushButton::clicked, this, &TemplatesPage::makeExamples);
  return examplesBox_;
}

QLayout* TemplatesPage::buildBottom() {
  auto* row = new QHBoxLayout;
  undo_ = new QPushButton(tr("Undo"), this);
  redo_ = new QPushButton(tr("Redo"), this);
  discard_ = new QPushButton(tr("Discard changes"), this);
  discard_->setToolTip(tr("Go back to the saved version of this template (this can be undone too)"));
  saveReason_ = new QLabel(this);
  saveReason_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  save_ = makePrimaryButton(tr("Save template"), this);
  row->addWidget(undo_);
  row->addWidget(redo_);
  row->addWidget(discard_);
  row->addStretch(1);
  row->addWidget(saveReason_);
  row->addWidget(save_);
  connect(save_, &QPushButton::clicked, this, &TemplatesPage::save);
  connect(discard_, &QPushButton::clicked, this, &TemplatesPage::discard);
  return row;
}

bool TemplatesPage::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() != QEvent::ShortcutOverride) return false;
  auto* widget = qobject_cast<QWidget*>(watched);
  if (!widget || !isAncestorOf(widget)) return false;
  const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
  // Not accepted: the key goes on to the page's undo/redo shortcuts.
  return pressed == kUndo || kRedo.contains(pressed);
}

void TemplatesPage::onProjectChanged() {
  const QString path = controller().hasProject() ? controller().project().path : QString();
  if (path != projectPath_) {
    projectPath_ = path;
    loadProject();
  } else {
    model_->merge(controller().project().templates);
    if (model_->rowOf(currentUid_) < 0) restoreSelection();
    if (const TemplateEntry* e = model_->entry(currentUid_)) editor_->setTemplate(e->draft);
  }
  refreshExamples();
  refreshTotal();
  updateButtons();
}

void TemplatesPage::loadProject() {
  for (QUndoStack* s : std::as_const(stacks_)) delete s;
  stacks_.clear();
  currentUid_ = 0;
  importPanel_->hide();
  const ProjectSnapshot& p = controller().project();
  const QList<TemplateItem> drafts =
      projectPath_.isEmpty() ? QList<TemplateItem>{} : draftsFromJson(controller().settings().templateDrafts(projectPath_));
  const QList<qint64> leftOut = projectPath_.isEmpty() ? QList<qint64>{} : controller().settings().templatesLeftOut(projectPath_);
  model_->reset(p.templates, drafts, QSet<qint64>(leftOut.begin(), leftOut.end()));
  const int unsaved = static_cast<int>(model_->unsavedDrafts().size());
  if (unsaved > 0)
    showNotice({MessageLevel::Info, tr("%n template(s) have changes that are not saved yet.", nullptr, unsaved),
                tr("They are kept from last time and marked \"Not saved\" in the list. Save them, or discard the "
                   "changes."),
                {}, {}, {}, {}, {}});
}

void TemplatesPage::restoreSelection() {
  int row = model_->rowOf(currentUid_);
  if (row < 0 && model_->rowCount() > 0) row = 0;
  if (row >= 0) {
    selectRow(row);
  } else {
    select(0);
  }
}

void TemplatesPage::selectRow(int row) {
  const QModelIndex index = model_->index(row, 0);
  list_->setCurrentIndex(index);
  if (model_->uidAt(row) != currentUid_) select(model_->uidAt(row));
}

void TemplatesPage::select(int uid) {
  if (uid == currentUid_ && uid != 0) return;
  currentUid_ = uid;
  const TemplateEntry* e = model_->entry(uid);
  editorStack_->setCurrentIndex(e ? 0 : 1);
  group_->setActiveStack(e ? stackFor(uid) : nullptr);
  if (e) {
    editor_->setTemplate(e->draft);
    editor_->setProblems({});
    editor_->setPreview({}, false);
    previewTimer_->stop();
    requestPreview();
  }
  updateButtons();
}

QUndoStack* TemplatesPage::stackFor(int uid) {
  QUndoStack*& stack = stacks_[uid];
  if (!stack) {
    stack = new QUndoStack(this);
    group_->addStack(stack);
  }
  return stack;
}

QUndoStack* TemplatesPage::currentStack() const { return stacks_.value(currentUid_); }

void TemplatesPage::edit(const TemplateItem& item, TemplateField field) {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e || sameTemplate(e->draft, item)) return;
  stackFor(currentUid_)->push(new EditTemplateCommand(*model_, currentUid_, e->draft, item, field));
}

void TemplatesPage::onDraftChanged(int uid) {
  if (uid == currentUid_) {
    if (const TemplateEntry* e = model_->entry(uid)) editor_->setTemplate(e->draft);
    previewTimer_->start();
  }
  persistDrafts();
  refreshTotal();
  updateButtons();
}

bool TemplatesPage::previewPending() const { return previewTimer_->isActive() || previewWaiting_; }

void TemplatesPage::requestPreview() {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e || !controller().hasProject()) return;
  previewRequest_ = controller().previewTemplate(e->draft, newestTrainedProduct());
  previewWaiting_ = true;
}

void TemplatesPage::onPreviewed(int request, const TemplatePreview& preview) {
  if (request != previewRequest_) {
    ++previewsDropped_;
    return;
  }
  previewWaiting_ = false;
  ++previewsShown_;
  QList<TemplateProblem> problems = preview.problems;
  if (const TemplateEntry* e = model_->entry(currentUid_)) problems += localProblems(e->draft);
  editor_->setProblems(problems);
  TemplatePreview shown = preview;
  shown.problems = problems;
  editor_->setPreview(shown, true);
  updateButtons();
}

QList<TemplateProblem> TemplatesPage::localProblems(const TemplateItem& item) const {
  // The engine checks one template at a time; whether its id is taken is known here.
  if (item.key.isEmpty() || !model_->keys(currentUid_).contains(item.key)) return {};
  return {{item.key, 0, QStringLiteral("id"), QStringLiteral("key-in-use"), item.key,
           QStringLiteral("another template of the project has this id")}};
}

void TemplatesPage::refreshTotal() {
  const AppController& c = controller();
  total_->setVisible(controller().hasProject());
  total_->setTemplates(model_->chosenDrafts(), trainedProducts(), [&c](qint64 steps, qint64 images, int size) {
    return c.estimateGenerationSeconds(steps, images, size);
  });
}

qint64 TemplatesPage::newestTrainedProduct() const {
  const QList<Product>& products = controller().project().products;
  for (auto it = products.rbegin(); it != products.rend(); ++it)
    if (it->trained) return it->id;
  return 0;
}

int TemplatesPage::trainedProducts() const {
  int n = 0;
  for (const Product& p : controller().project().products) n += p.trained ? 1 : 0;
  return n;
}

}  // namespace rashisa::ui
