#include "ui/pages/template_commands.h"

#include "ui/models/template_draft.h"
#include "ui/models/template_list_model.h"

namespace rashisa::ui {

EditTemplateCommand::EditTemplateCommand(TemplateListModel& model, int uid, const TemplateItem& before,
                                         const TemplateItem& after, TemplateField field)
    : QUndoCommand(describe(field)), model_(model), uid_(uid), before_(before), after_(after), field_(field) {}

void EditTemplateCommand::redo() { model_.setDraft(uid_, after_); }
void EditTemplateCommand::undo() { model_.setDraft(uid_, before_); }

int EditTemplateCommand::id() const {
  // The sampler is a single choice and variable edits are whole cells: each is its own step.
  if (field_ == TemplateField::Sampler || field_ == TemplateField::Variables || field_ == TemplateField::All) return -1;
  return static_cast<int>(field_);
}

bool EditTemplateCommand::mergeWith(const QUndoCommand* other) {
  const auto* o = dynamic_cast<const EditTemplateCommand*>(other);
  if (!o || o->uid_ != uid_ || o->field_ != field_) return false;
  after_ = o->after_;
  setObsolete(sameTemplate(before_, after_));
  return true;
}

QString EditTemplateCommand::describe(TemplateField field) {
  switch (field) {
    case TemplateField::Key: return tr("Change the ID");
    case TemplateField::LabelJa: return tr("Change the Japanese name");
    case TemplateField::LabelEn: return tr("Change the English name");
    case TemplateField::Prompt: return tr("Edit the prompt");
    case TemplateField::Negative: return tr("Edit the negative prompt");
    case TemplateField::Width: return tr("Change the width");
    case TemplateField::Height: return tr("Change the height");
    case TemplateField::Steps: return tr("Change the steps");
    case TemplateField::Guidance: return tr("Change the guidance");
    case TemplateField::Sampler: return tr("Change the sampler");
    case TemplateField::Images: return tr("Change the images per prompt");
    case TemplateField::Variables: return tr("Edit the variables");
    case TemplateField::All: return tr("Discard the changes");
  }
  return {};
}

}  // namespace rashisa::ui
