#pragma once
// Private to AppController: how jobs that change the project hand back their results.
#include "ui/jobs/engine.h"

#include <QVariant>

namespace rashisa::ui::detail {

/// A job's own result together with the project as it is after the job.
inline QVariant withSnapshot(const QVariant& result, Engine& engine) {
  return QVariantList{result, QVariant::fromValue(engine.snapshot())};
}

}  // namespace rashisa::ui::detail
