#pragma once
// The whole window on the real engine (WorkflowEngine), as `rashisa` builds it, for the slow
// end-to-end GUI tests: settings in a temporary folder, the CPU as the device, and scripted
// dialogs that answer yes (train on the CPU).
#include "tests/gui/gui_fixture.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace rashisa::testing {

struct RealWindow {
  QTemporaryDir dir;
  ScriptedDialogs dialogs;
  std::unique_ptr<ui::Settings> settings;
  std::unique_ptr<ui::AppController> controller;
  std::unique_ptr<ui::MainWindow> window;

  /// `model`: the default base model for new projects (empty: none, as on a first start).
  explicit RealWindow(const QString& model);

  /// Runs the event loop until the job runner is idle; false after `msecs`.
  bool waitIdle(int msecs);
};

/// On the Templates page: sets the template's image size to `px` × `px` and saves it (two
/// undoable edits). A failure is recorded in the running test (check QTest::currentTestFailed()).
void setTemplateSize(RealWindow& w, qint64 templateId, int px);

}  // namespace rashisa::testing
