// FakeEngine: a project "another program" has open for changes (FakeState::holders). Opening it
// for changes is refused with its holder, as WorkflowEngine does on store::ProjectInUse; opening
// it read-only works and every snapshot then says so.
#include "tests/gui/fake_engine.h"

#include "engine/core/error.h"

namespace rashisa::testing {

std::optional<ProjectSnapshot> FakeEngine::heldElsewhere(const QString& path) const {
  if (!state_->holders.contains(path)) return std::nullopt;
  ProjectSnapshot s;
  s.path = path;
  s.holder = state_->holders.value(path);
  return s;
}

void FakeEngine::markReadOnly(ProjectSnapshot& s) const {
  if (!readOnly_) return;
  s.readOnly = true;
  s.holder = state_->holders.value(openPath_);  // empty when the holder closed it meanwhile
}

ProjectSnapshot FakeEngine::openProjectReadOnly(const QString& path) {
  record("openProjectReadOnly");
  QMutexLocker lock(&state_->mutex);
  if (!state_->projects.contains(path)) throw Error(ErrorCode::FileNotFound, "missing project");
  openPath_ = path;
  readOnly_ = true;
  summarize(state_->projects[path].snapshot);
  ProjectSnapshot s = state_->projects[path].snapshot;
  markReadOnly(s);
  return s;
}

}  // namespace rashisa::testing
