// WorkflowEngine: the free-space check before training (engine/workflow/training_space.h).
#include "engine/workflow/training_space.h"
#include "ui/jobs/workflow_engine.h"

namespace rashisa::ui {

TrainingSpaceCheck WorkflowEngine::trainingSpace(const ProductSetup& setup, const QString& memoryPlan) {
  // Only what sets the sizes: the stage-3 steps (or the preset's) and the checkpoint interval.
  workflow::ConceptSetup s;
  s.preset = setup.preset.toStdString();
  s.checkpoint_every = setup.checkpointEvery;
  s.stages[2].steps = setup.steps[2];
  const workflow::TrainingSpace space = workflow::check_training_space(project(), s, memoryPlan.toStdString());
  return {QString::fromStdString(space.folder.u8string()), space.estimate.needed_bytes, space.available};
}

}  // namespace rashisa::ui
