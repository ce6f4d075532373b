// Page states of the templates step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

QList<UiState> templatesStates() { return {}; }

}  // namespace rashisa::testing
