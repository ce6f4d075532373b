#pragma once
// Every page state of the window, each reachable from a fresh fixture, for the screenshot and
// the translation-coverage tests (and anyone who wants to look at one state).
#include "tests/gui/gui_fixture.h"

#include <QString>

#include <functional>

namespace rashisa::ui {
class FirstStartWizard;
}

namespace rashisa::testing {

struct UiState {
  QString name;  // file name: "learn-training"
  GuiOptions options;
  std::function<void(GuiFixture&)> enter;
  /// Called after the picture is taken (let held jobs go).
  std::function<void(GuiFixture&)> leave;
};

QList<UiState> uiStates();

// The states of each page of the catalogue half, one file each (ui_states_<page>.cpp); uiStates()
// returns them after the states above.
QList<UiState> templatesStates();
/// The built-in catalogue's ids, names, prompts and values that the templates states show.
QStringList templatesStateData();
QList<UiState> generateStates();
QList<UiState> reviewStates();
QList<UiState> exportStates();
QList<UiState> firstStartStates();
QList<UiState> demoStates();
/// The demo's data shown in its states (project and model names).
QStringList demoStateData();
QList<UiState> hardeningStates();
/// The holder of a project another program has open, as its states show it.
QStringList hardeningStateData();

/// Shows the window with the first-start wizard open at `page` (FirstStartWizard::PageIndex).
ui::FirstStartWizard* openFirstStart(GuiFixture& f, int page);

/// Data shown in the states that is not text of Rashisa's (file, product and model names).
QStringList uiStateData();

}  // namespace rashisa::testing
