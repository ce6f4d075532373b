// WorkflowEngine: a project another program has open for changes (engine/store/project_lease.h).
#include "engine/store/project.h"
#include "engine/store/project_lease.h"
#include "ui/jobs/workflow_convert_p.h"
#include "ui/jobs/workflow_engine.h"

namespace rashisa::ui {

namespace {

ProjectHolder holderOf(const store::LeaseHolder& h) {
  ProjectHolder out;
  out.program = convert::text(h.program);
  out.host = convert::text(h.host);
  out.user = convert::text(h.user);
  out.pid = static_cast<qint64>(h.pid);
  out.since = QDateTime::fromString(convert::text(h.since), Qt::ISODateWithMs);
  if (out.since.isValid()) out.since.setTimeSpec(Qt::UTC);
  return out;
}

}  // namespace

ProjectSnapshot WorkflowEngine::heldSnapshot(const QString& path, const store::LeaseHolder& holder) {
  ProjectSnapshot s;
  s.path = path;
  s.holder = holderOf(holder);
  heldPath_ = path;
  heldBy_ = s.holder;
  return s;
}

ProjectSnapshot WorkflowEngine::openProjectReadOnly(const QString& path) {
  closeProject();
  project_ = std::make_unique<store::Project>(store::Project::open(convert::path(path), store::Project::OpenMode::ReadOnly));
  if (path == heldPath_) readOnlyHolder_ = heldBy_;
  if (!readOnlyHolder_) readOnlyHolder_ = ProjectHolder{};  // read-only all the same; the holder is not known
  return snapshot();
}

}  // namespace rashisa::ui
