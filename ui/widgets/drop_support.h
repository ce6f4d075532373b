#pragma once
// Files and folders dragged in from a file manager: the local paths a drop carries.
#include <QStringList>

class QMimeData;

namespace rashisa::ui {

/// Local files and folders in the drop, in order; empty when it carries none.
QStringList localPaths(const QMimeData* mime);

}  // namespace rashisa::ui
