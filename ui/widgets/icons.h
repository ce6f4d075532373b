#pragma once
// Small icons painted in code (no image files, no SVG module), crisp at any scale.
#include "ui/jobs/engine_types.h"

#include <QColor>
#include <QIcon>

namespace rashisa::ui::icons {

/// The accent and status colours used across the window.
QColor accent();
QColor ok();
QColor warning();
QColor error();
QColor info();
QColor severityColor(Severity severity);

/// A filled circle with a mark: "!" (warning/error), "i" (info), a tick (done), a lock, a cross.
QIcon badge(Severity severity);
QIcon done();
/// A red circle with a cross (an image rejected in review).
QIcon rejected();
QIcon locked();
QIcon attention();
/// A circled stage number 1..3, filled when active, outlined when pending, ticked when done.
QPixmap stageMark(int number, bool active, bool done, int size, qreal dpr = 1.0);

}  // namespace rashisa::ui::icons
