// Page states of the review step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

QList<UiState> reviewStates() { return {}; }

}  // namespace rashisa::testing
