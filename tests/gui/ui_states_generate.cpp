// Page states of the generate step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

QList<UiState> generateStates() { return {}; }

}  // namespace rashisa::testing
