// AppController: a project another program has open for changes. Opening it says who has it
// and offers to open it read-only; while it is read-only every change is refused here, with
// the reason, before any job starts (the engine would refuse it too).
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QLocale>

namespace rashisa::ui {

namespace {

/// The holder's program as people call it.
QString programName(const ProjectHolder& h) {
  if (h.program == QLatin1String("Rashisa (window)")) return AppController::tr("the Rashisa window");
  return h.program.isEmpty() ? AppController::tr("another program") : h.program;
}

QString hostName(const ProjectHolder& h) { return h.host.isEmpty() ? AppController::tr("another computer") : h.host; }

}  // namespace

bool AppController::isReadOnly() const { return project_ && project_->readOnly; }

QString AppController::readOnlyReason() const {
  if (!isReadOnly()) return {};
  const ProjectHolder h = project_->holder.value_or(ProjectHolder{});
  return tr("It is open for changes in %1 on %2. Close it there, then open the project again to change it.")
      .arg(programName(h), hostName(h));
}

QString AppController::readOnlyNote() const {
  return isReadOnly() ? tr("The project is open read-only.") : QString();
}

bool AppController::refuseReadOnly(PageId page) {
  if (!isReadOnly()) return false;
  Q_EMIT notice(page, {MessageLevel::Warning, tr("This project is open read-only, so nothing can be changed."),
                       readOnlyReason(), {}, {}, {}, {}, {}});
  return true;
}

bool AppController::offerReadOnly(const ProjectSnapshot& opened) {
  if (!opened.holder || opened.readOnly) return false;
  const ProjectHolder& h = *opened.holder;
  const QString since = h.since.isValid() ? QLocale().toString(h.since.toLocalTime(), QLocale::ShortFormat)
                                          : tr("a moment ago");
  const QString user = h.user.isEmpty() ? tr("unknown") : h.user;
  const QString text = tr("%1 on %2 (user %3) has had it open for changes since %4. You can open it read-only to "
                          "look at it; to change it, close it there first.")
                           .arg(programName(h), hostName(h), user, since);
  if (dialogs_.confirm(nullptr, tr("This project is open in another program"), text, tr("Open read-only"),
                       tr("Cancel")))
    openProjectReadOnly(opened.path);
  return true;
}

void AppController::openProjectReadOnly(const QString& path) {
  if (live_) cancelJob();
  runner_->submit(JobKind::OpenProject, tr("Opening the project read-only"),
                  [path](Engine& e, JobContext&) { return QVariant::fromValue(e.openProjectReadOnly(path)); });
}

}  // namespace rashisa::ui
