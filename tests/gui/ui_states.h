#pragma once
// Every page state of the window, each reachable from a fresh fixture, for the screenshot and
// the translation-coverage tests (and anyone who wants to look at one state).
#include "tests/gui/gui_fixture.h"

#include <QString>

#include <functional>

namespace rashisa::testing {

struct UiState {
  QString name;  // file name: "learn-training"
  GuiOptions options;
  std::function<void(GuiFixture&)> enter;
  /// Called after the picture is taken (let held jobs go).
  std::function<void(GuiFixture&)> leave;
};

QList<UiState> uiStates();

/// Data shown in the states that is not text of Rashisa's (file, product and model names).
QStringList uiStateData();

}  // namespace rashisa::testing
