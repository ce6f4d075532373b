#pragma once
// The options Qt's window classes read from the command line themselves (-platform, -style,
// -reverse, ...): QApplication takes them, so Rashisa's own parser must not call them unknown.
#include <QStringList>

namespace rashisa::ui {

/// `arguments` without the options QGuiApplication and QApplication handle, and their values
/// ("-platform offscreen", "--style=fusion", "-reverse"). The first argument (the program) is kept.
QStringList withoutQtWindowOptions(const QStringList& arguments);

}  // namespace rashisa::ui
