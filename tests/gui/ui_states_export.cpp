// Page states of the export step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

QList<UiState> exportStates() { return {}; }

}  // namespace rashisa::testing
