#include "app/gui/qt_options.h"

namespace rashisa::ui {
namespace {

// Ref: Qt 6 documentation of QGuiApplication and QApplication, "supported command line options"
// (qtbase src/gui/kernel/qguiapplication.cpp, src/widgets/kernel/qapplication.cpp).
bool takesValue(const QString& name) {
  static const QStringList names = {
      QStringLiteral("platform"),       QStringLiteral("platformpluginpath"),
      QStringLiteral("platformtheme"),  QStringLiteral("plugin"),
      QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
      QStringLiteral("qwindowtitle"),   QStringLiteral("session"),
      QStringLiteral("display"),        QStringLiteral("geometry"),
      QStringLiteral("style"),          QStringLiteral("stylesheet")};
  return names.contains(name);
}

bool isFlag(const QString& name) {
  static const QStringList names = {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                    QStringLiteral("nograb"), QStringLiteral("dograb"),
                                    QStringLiteral("sync")};
  return names.contains(name);
}

bool isEqualsOnly(const QString& name) {
  static const QStringList names = {QStringLiteral("qmljsdebugger"), QStringLiteral("dialogs"),
                                    QStringLiteral("fontengine"), QStringLiteral("darkmode")};
  return names.contains(name);
}

}  // namespace

QStringList withoutQtWindowOptions(const QStringList& arguments) {
  QStringList kept;
  for (qsizetype i = 0; i < arguments.size(); ++i) {
    const QString& arg = arguments[i];
    if (i > 0 && arg == QLatin1String("--")) {  // the rest is not options
      kept << arguments.mid(i);
      break;
    }
    if (i == 0 || !arg.startsWith(QLatin1Char('-')) || arg.size() == 1) {
      kept << arg;
      continue;
    }
    // Qt reads "-name" and "--name" alike.
    QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
    const qsizetype equals = name.indexOf(QLatin1Char('='));
    const bool inlineValue = equals >= 0;
    if (inlineValue) name.truncate(equals);
    if (inlineValue && (takesValue(name) || isEqualsOnly(name))) continue;
    if (!inlineValue && isFlag(name)) continue;
    if (!inlineValue && takesValue(name)) {
      ++i;  // its value, when there is one
      continue;
    }
    kept << arg;
  }
  return kept;
}

}  // namespace rashisa::ui
