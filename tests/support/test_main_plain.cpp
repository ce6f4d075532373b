// GoogleTest main for the tests of code without libtorch (store, media, templates, export):
// the same exit codes as the shared main (77 when every test was skipped).
#include "tests/support/skip_exit.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  return rashisa::testing::exit_code_with_skips(RUN_ALL_TESTS());
}
