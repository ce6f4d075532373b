// TemplatesPage: what its buttons do (save, discard, new, duplicate, remove, import, export,
// make examples) and what the page keeps in the settings (unsaved drafts, chosen templates).
#include "ui/models/template_draft.h"
#include "ui/models/template_list_model.h"
#include "ui/pages/template_editor.h"
#include "ui/pages/template_import_panel.h"
#include "ui/pages/templates_page.h"
#include "ui/settings/settings.h"
#include "ui/text/template_text.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoGroup>
#include <QUndoStack>

namespace rashisa::ui {

void TemplatesPage::save() {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e || !e->dirty()) return;
  controller().saveTemplate(e->draft);
}

void TemplatesPage::onSaved(const TemplateItem& item) {
  model_->adoptSaved(item);
  persistDrafts();
  updateButtons();
}

void TemplatesPage::discard() {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e || !e->saved || !e->dirty()) return;
  // Undoable like every other edit, so it needs no question.
  stackFor(currentUid_)->push(new EditTemplateCommand(*model_, currentUid_, e->draft, *e->saved, TemplateField::All));
}

void TemplatesPage::newTemplate() {
  TemplateItem t;
  t.key = uniqueKey(QStringLiteral("my-template"), model_->keys());
  (TemplateText::japanese() ? t.labelJa : t.labelEn) = tr("New template");
  t.prompt = QStringLiteral("a photo of {product}");
  t.negativePrompt = QStringLiteral("blurry, low quality");
  t.steps = 30;
  selectRow(model_->rowOf(model_->add(t)));
  editor_->promptEdit()->setFocus();
}

void TemplatesPage::duplicateTemplate() {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e) return;
  TemplateItem t = e->draft;
  t.key = uniqueKey(t.key + QStringLiteral("-copy"), model_->keys());
  QString& label = TemplateText::japanese() ? t.labelJa : t.labelEn;
  label = tr("%1 (copy)").arg(TemplateText::label(e->draft));
  t.builtin = false;
  t.example = QImage();
  selectRow(model_->rowOf(model_->add(t)));
}

void TemplatesPage::removeTemplate() {
  const TemplateEntry* e = model_->entry(currentUid_);
  if (!e) return;
  const QString name = TemplateText::label(e->draft);
  const QString text = e->saved ? tr("\"%1\" is removed from this project. Images already made with it are kept.").arg(name)
                                : tr("The new template \"%1\" has not been saved; it is discarded.").arg(name);
  if (!controller().dialogs().confirm(window(), tr("Remove the template?"), text, tr("Remove"), tr("Keep it"))) return;
  const int uid = currentUid_;
  const int row = model_->rowOf(uid);
  if (e->saved) controller().removeTemplate(e->saved->id);
  delete stacks_.take(uid);
  model_->remove(uid);
  currentUid_ = 0;
  if (model_->rowCount() > 0)
    selectRow(std::min(row, model_->rowCount() - 1));
  else
    select(0);
  persistDrafts();
  refreshTotal();
}

void TemplatesPage::importTemplates() {
  const QString path = controller().dialogs().templatesToImport(window());
  if (path.isEmpty()) return;
  importPath_ = path;
  controller().importTemplates(path);
}

void TemplatesPage::onImported(const TemplateImport& result) {
  importPanel_->showProblems(importPath_, result.problems);
  if (!result.problems.isEmpty()) return;
  if (result.imported.isEmpty()) {
    showNotice({MessageLevel::Warning, tr("The file has no templates."),
                tr("Check that it is a template file exported from Rashisa, or one in the same format."), {}, {}, {},
                {}, {}});
    return;
  }
  showNotice({MessageLevel::Success, tr("%n template(s) imported.", nullptr, static_cast<int>(result.imported.size())),
              {}, {}, {}, {}, {}, {}});
  for (int row = 0; row < model_->rowCount(); ++row)
    if (model_->index(row).data(TemplateListModel::IdRole).toLongLong() == result.imported.front().id) selectRow(row);
}

void TemplatesPage::exportTemplates() {
  const QString path = controller().dialogs().templatesToExport(window());
  if (!path.isEmpty()) controller().exportTemplates(path, {});
}

void TemplatesPage::makeExamples() {
  const qint64 product = newestTrainedProduct();
  if (product == 0) return;
  controller().makeTemplateExamples(product);
  refreshExamples();
}

void TemplatesPage::onJobEnded(JobKind kind) {
  if (kind == JobKind::MakeExamples) refreshExamples();
}

void TemplatesPage::refreshExamples() {
  bool missing = false;
  for (const TemplateEntry& e : model_->entries()) missing = missing || (e.saved && e.saved->example.isNull());
  examplesBox_->setVisible(controller().hasProject() && missing);
  const bool trained = newestTrainedProduct() != 0;
  const bool busy = controller().isTraining() || controller().isBatchRunning();
  makeExamples_->setVisible(trained);
  const bool making = controller().isMakingExamples();
  makeExamples_->setEnabled(trained && !busy && !making);
  if (!trained)
    examplesLine_->setText(tr("Example images are made on this computer once a product has learned. Until then, "
                              "the templates show a placeholder."));
  else if (making)
    examplesLine_->setText(tr("Making the example images…"));
  else if (busy)
    examplesLine_->setText(tr("Some templates have no example image yet. They can be made once the current "
                              "training or batch has finished."));
  else
    examplesLine_->setText(tr("Some templates have no example image yet."));
}

void TemplatesPage::updateButtons() {
  const bool open = controller().hasProject();
  const bool editable = open && !controller().isReadOnly();  // drafts stay editable: they are kept in the settings
  const TemplateEntry* e = model_->entry(currentUid_);
  for (QPushButton* b : {new_, import_}) b->setEnabled(editable);
  duplicate_->setEnabled(editable && e);
  remove_->setEnabled(editable && e);
  export_->setEnabled(open && !controller().project().templates.isEmpty());
  QUndoStack* stack = group_->activeStack();
  undo_->setEnabled(stack && stack->canUndo());
  redo_->setEnabled(stack && stack->canRedo());
  undo_->setToolTip(stack && stack->canUndo() ? tr("Undo: %1 (Ctrl+Z)").arg(stack->undoText()) : QString());
  redo_->setToolTip(stack && stack->canRedo() ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(stack->redoText()) : QString());
  discard_->setEnabled(e && e->saved && e->dirty());
  const bool dirty = e && e->dirty();
  const bool problems = editor_->hasProblems();
  save_->setEnabled(editable && dirty && !problems);
  if (!e)
    saveReason_->clear();
  else if (dirty && !editable)
    saveReason_->setText(controller().readOnlyNote());
  else if (!dirty)
    saveReason_->setText(tr("All changes are saved."));
  else if (problems)
    saveReason_->setText(tr("Fix the marked fields to save."));
  else
    saveReason_->setText(tr("Not saved yet."));
  save_->setToolTip(save_->isEnabled() ? QString() : saveReason_->text());
}

void TemplatesPage::persistDrafts() {
  if (projectPath_.isEmpty()) return;
  const QList<TemplateItem> drafts = model_->unsavedDrafts();
  controller().settings().setTemplateDrafts(projectPath_, drafts.isEmpty() ? QByteArray() : draftsToJson(drafts));
}

void TemplatesPage::persistChosen() {
  if (projectPath_.isEmpty()) return;
  const QSet<qint64> leftOut = model_->leftOut();
  QList<qint64> ids(leftOut.begin(), leftOut.end());
  std::sort(ids.begin(), ids.end());
  controller().settings().setTemplatesLeftOut(projectPath_, ids);
}

}  // namespace rashisa::ui
