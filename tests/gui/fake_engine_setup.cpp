// FakeEngine: measuring without a project (the first-start device check).
#include "tests/gui/fake_engine.h"

#include "engine/core/error.h"
#include "engine/store/store_error.h"

namespace rashisa::testing {

void FakeEngine::setMeasureModel(const QString& path) {
  record("setMeasureModel");
  measureModel_ = path;
}

void FakeEngine::requireMeasureModel() {
  QMutexLocker lock(&state_->mutex);
  if (!openPath_.isEmpty() && state_->projects.contains(openPath_)) {
    if (state_->projects[openPath_].snapshot.modelPath.isEmpty())
      throw Error(ErrorCode::InvalidArgument, "the project has no base model to measure with");
    return;
  }
  if (measureModel_.isEmpty()) throw Error(ErrorCode::InvalidArgument, "no model to measure with");
  if (!state_->script.models.contains(measureModel_))
    throw Error(ErrorCode::FileNotFound, "no model at " + measureModel_.toStdString());
}

void FakeEngine::failWithCode(const QString& code, const char* call) {
  const std::string message = "scripted " + code.toStdString() + " in " + call;
  for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c)
    if (code == QLatin1String(error_code_name(static_cast<ErrorCode>(c))))
      throw Error(static_cast<ErrorCode>(c), message);
  for (int f = 0; f <= static_cast<int>(store::StoreFault::Internal); ++f)
    if (code == QLatin1String(store::fault_name(static_cast<store::StoreFault>(f))))
      throw store::StoreError(static_cast<store::StoreFault>(f), message);
  throw Error(ErrorCode::Internal, "scripted failure of " + std::string(call));
}

}  // namespace rashisa::testing
