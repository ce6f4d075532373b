// Shared GoogleTest main. Tests linked against rashisa_test_main_reference need
// the golden reference folder: without it they exit 77, which CTest reports as
// skipped (never as passed).
#include "tests/support/reference.h"

#include <torch/torch.h>

#include <cstdio>

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Dummy);

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
#if defined(RASHISA_TEST_NEEDS_REFERENCE)
  if (!rashisa::testing::reference_available()) {
    std::fprintf(stderr,
                 "SKIPPED: reference folder %s has no manifest.json; set RASHISA_REFERENCE_DIR to the golden "
                 "reference data (../shared/reference)\n",
                 rashisa::testing::reference_dir().string().c_str());
    return 77;
  }
#endif
  return RUN_ALL_TESTS();
}
