// Page states of the first start step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

QList<UiState> firstStartStates() { return {}; }

}  // namespace rashisa::testing
