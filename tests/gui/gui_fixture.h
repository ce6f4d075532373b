#pragma once
// One window on a fake engine, with settings in a temporary INI file and dialogs answered by
// the test. Helpers wait for the job runner without blocking the GUI thread.
#include "tests/gui/fake_engine.h"
#include "ui/settings/settings.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"
#include "ui/window/main_window.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace rashisa::testing {

class ScriptedDialogs final : public Dialogs {
 public:
  QString newProject;
  QString openProject;
  QStringList photos;
  QString folder;
  QString model;
  QString chosenFolder;   // chooseFolder's answer
  QStringList folderTitles;  // titles of the folder choosers shown
  QString exportDir;  // the export folder chooser's answer
  QString templatesIn;   // the template file chosen to import
  QString templatesOut;  // where templates are exported
  bool answer = true;
  QStringList questions;  // titles of the confirmations asked
  QStringList questionTexts;  // and their texts

  QString newProjectPath(QWidget*) override { return newProject; }
  QString openProjectPath(QWidget*) override { return openProject; }
  QStringList photoFiles(QWidget*) override { return photos; }
  QString photoFolder(QWidget*) override { return folder; }
  QString modelPath(QWidget*, bool) override { return model; }
  QString chooseFolder(QWidget*, const QString& title, const QString&) override {
    folderTitles.push_back(title);
    return chosenFolder;
  }
  QString templatesToImport(QWidget*) override { return templatesIn; }
  QString templatesToExport(QWidget*) override { return templatesOut; }
  bool confirm(QWidget*, const QString& title, const QString& text, const QString&, const QString&) override {
    questions.push_back(title);
    questionTexts.push_back(text);
    return answer;
  }
  QString exportFolder(QWidget*, const QString&) override { return exportDir; }
};

struct GuiOptions {
  bool window = true;
  bool gpu = true;
  bool defaultModel = true;
};

class GuiFixture {
 public:
  explicit GuiFixture(const GuiOptions& options = {});
  ~GuiFixture();

  /// Processes events until no job runs or is queued and every queued signal is delivered.
  bool waitIdle(int msecs = 10000);
  /// Processes events until `done` holds.
  bool waitFor(const std::function<bool()>& done, int msecs = 10000);

  QString path(const QString& name) const { return dir.filePath(name); }
  /// Writes small real image files (and other files) into `folder` for drops and choosers.
  QStringList makePhotos(const QString& folder, const QStringList& names);
  /// Registers a fake project file and opens it.
  void openFakeProject(const FakeProject& project);

  QTemporaryDir dir;
  QString modelPath;
  std::shared_ptr<FakeState> state;
  std::unique_ptr<ui::Settings> settings;
  ScriptedDialogs dialogs;
  std::unique_ptr<ui::AppController> controller;
  std::unique_ptr<ui::MainWindow> window;
};

}  // namespace rashisa::testing
