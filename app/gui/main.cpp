// rashisa: the desktop window. Arguments, language, translators, settings, the window.
#include "ui/jobs/workflow_engine.h"
#include "ui/settings/settings.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"
#include "ui/window/log_file.h"
#include "ui/window/main_window.h"
#include "app/gui/language.h"
#include "app/gui/qt_options.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace {

using namespace rashisa::ui;

struct Options {
  QString language;  // "", "ja", "en"
  QString project;
  bool demo = false;
  bool exit = false;
  int exitCode = 0;
};

/// --version and --help must work without a display, so the arguments are read with a
/// QCoreApplication before the window's QApplication exists.
Options parseArguments(int argc, char** argv) {
  QCoreApplication core(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("rashisa"));
  QCoreApplication::setApplicationVersion(QStringLiteral(RASHISA_VERSION));
  Settings settings;
  Translators translators;
  translators.install(chooseLanguage(languageArgument(core.arguments()), settings.language()));

  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("main", "Rashisa learns a product from a few photos and makes catalogue images of "
                                          "it, on this computer."));
  const QCommandLineOption help = parser.addHelpOption();
  const QCommandLineOption version = parser.addVersionOption();
  const QCommandLineOption lang(QStringLiteral("lang"),
                                QCoreApplication::translate("main", "Language of the window: ja or en."),
                                QStringLiteral("language"));
  parser.addOption(lang);
  const QCommandLineOption demo(
      QStringLiteral("demo"),
      QCoreApplication::translate("main", "Open the demo (made first if needed): photos and a tiny model Rashisa "
                                          "makes itself, to try everything in a few minutes on any computer."));
  parser.addOption(demo);
  parser.addPositionalArgument(QStringLiteral("project"),
                               QCoreApplication::translate("main", "A project file (.rashisa) to open."),
                               QStringLiteral("[project]"));
  Options o;
  // QApplication reads its own options (-platform, -style, ...) later, from argv.
  if (!parser.parse(withoutQtWindowOptions(core.arguments()))) {
    std::fprintf(stderr, "%s\n", qPrintable(parser.errorText()));
    o.exit = true;
    o.exitCode = 2;
    return o;
  }
  if (parser.isSet(help)) {
    std::printf("%s", qPrintable(parser.helpText()));
    o.exit = true;
    return o;
  }
  if (parser.isSet(version)) {
    std::printf("rashisa %s\n", RASHISA_VERSION);
    o.exit = true;
    return o;
  }
  if (parser.isSet(lang)) {
    o.language = parser.value(lang);
    if (o.language != QLatin1String("ja") && o.language != QLatin1String("en")) {
      std::fprintf(stderr, "%s\n",
                   qPrintable(QCoreApplication::translate("main", "--lang takes ja or en, not \"%1\".").arg(o.language)));
      o.exit = true;
      o.exitCode = 2;
      return o;
    }
  }
  o.demo = parser.isSet(demo);
  if (o.demo && !parser.positionalArguments().isEmpty()) {
    std::fprintf(stderr, "%s\n",
                 qPrintable(QCoreApplication::translate("main", "--demo opens the demo: give no project with it.")));
    o.exit = true;
    o.exitCode = 2;
    return o;
  }
  if (!parser.positionalArguments().isEmpty()) o.project = QFileInfo(parser.positionalArguments().front()).absoluteFilePath();
  return o;
}

bool hasDisplay() {
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
  return std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY") || std::getenv("QT_QPA_PLATFORM");
#else
  return true;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseArguments(argc, argv);
  if (options.exit) return options.exitCode;
  if (!hasDisplay()) {
    std::fprintf(stderr,
                 "rashisa needs a display to open its window, and none was found (DISPLAY is not set).\n"
                 "On a machine without a screen, run it as:  xvfb-run -a rashisa\n"
                 "or without any window system:              QT_QPA_PLATFORM=offscreen rashisa\n"
                 "Everything Rashisa does also works headless with rashisa-cli.\n");
    return 1;
  }

  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Rashisa"));
  QApplication::setApplicationName(QStringLiteral("Rashisa"));
  QApplication::setApplicationDisplayName(QStringLiteral("Rashisa"));
  QApplication::setApplicationVersion(QStringLiteral(RASHISA_VERSION));
  // The icon (app/gui/icons.qrc), and the .desktop file that names the window on Wayland.
  QIcon icon;
  for (int size : {16, 24, 32, 48, 64, 128, 256})
    icon.addFile(QStringLiteral(":/icons/rashisa-%1.png").arg(size), QSize(size, size));
  QApplication::setWindowIcon(icon);
  QGuiApplication::setDesktopFileName(QStringLiteral("org.rashisa.Rashisa"));
  // Every message of the program and every job goes to a rotating file in the data folder
  // (its path is in the About box; "copy details" carries its end).
  LogFile log(LogFile::defaultPath());
  LogFile::install(&log);
  qInfo("Rashisa %s started", RASHISA_VERSION);
  Settings settings;
  Translators translators;
  translators.install(chooseLanguage(options.language, settings.language()));

  SystemDialogs dialogs;
  AppController controller(std::make_unique<WorkflowEngine>(), settings, dialogs);
  MainWindow window(controller);
  if (settings.windowGeometry().isEmpty()) window.resize(1280, 800);
  window.show();
  controller.startUp(options.project);
  if (options.demo) {
    // The demo is what was asked for: it opens without the first-start wizard in front of it.
    controller.openDemo();
    qInfo("Opening the demo in %s", qPrintable(AppController::demoFolder()));
  } else {
    window.showFirstStartIfNeeded();
  }
  const int code = app.exec();
  LogFile::install(nullptr);
  return code;
}
