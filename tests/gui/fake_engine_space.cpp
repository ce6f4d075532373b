// FakeEngine: the free-space check before training, as the script sets it.
#include "tests/gui/fake_engine.h"

#include "engine/core/error.h"

#include <QFileInfo>

namespace rashisa::testing {

TrainingSpaceCheck FakeEngine::trainingSpace(const ProductSetup&, const QString&) {
  record("freeSpace");
  QMutexLocker lock(&state_->mutex);
  const FakeProject& fp = open();
  if (fp.snapshot.modelPath.isEmpty()) throw Error(ErrorCode::InvalidArgument, "the project has no base model");
  return {QFileInfo(fp.snapshot.path).absolutePath(), state_->script.spaceNeeded, state_->script.spaceAvailable};
}

}  // namespace rashisa::testing
