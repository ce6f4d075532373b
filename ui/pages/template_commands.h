#pragma once
// Undoable edits of a template draft. One command replaces the whole draft (before/after), so
// every kind of edit undoes the same way; consecutive typing in one field merges into one step.
#include "ui/jobs/catalogue_types.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace rashisa::ui {

class TemplateListModel;

/// The part of a template an edit changes; text and number fields merge consecutive edits.
enum class TemplateField {
  Key = 1,
  LabelJa,
  LabelEn,
  Prompt,
  Negative,
  Width,
  Height,
  Steps,
  Guidance,
  Sampler,
  Images,
  Variables,
  All,  // the whole template at once (discarding the changes)
};

class EditTemplateCommand : public QUndoCommand {
  Q_DECLARE_TR_FUNCTIONS(EditTemplateCommand)

 public:
  EditTemplateCommand(TemplateListModel& model, int uid, const TemplateItem& before, const TemplateItem& after,
                      TemplateField field);

  void redo() override;
  void undo() override;
  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;

  TemplateField field() const { return field_; }
  /// What the undo buttons say for an edit of `field` ("Edit the prompt").
  static QString describe(TemplateField field);

 private:
  TemplateListModel& model_;
  int uid_;
  TemplateItem before_;
  TemplateItem after_;
  TemplateField field_;
};

}  // namespace rashisa::ui
