// Shared GoogleTest main. Tests linked against rashisa_test_main_reference need
// the golden reference folder: without it they exit 77, which CTest reports as
// skipped (never as passed); so does a binary whose tests all called GTEST_SKIP.
#include "engine/ml/pipeline/cpu_threads.h"
#include "tests/support/reference.h"
#include "tests/support/skip_exit.h"

#include <torch/torch.h>

#include <cstdio>

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Dummy);

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  rashisa::ml::configure_cpu_threads();  // as the programs do: a test measures what users get
#if defined(RASHISA_TEST_NEEDS_REFERENCE)
  if (!rashisa::testing::reference_available()) {
    std::fprintf(stderr,
                 "SKIPPED: reference folder %s has no manifest.json; set RASHISA_REFERENCE_DIR to the golden "
                 "reference data (../shared/reference)\n",
                 rashisa::testing::reference_dir().string().c_str());
    return 77;
  }
#endif
  return rashisa::testing::exit_code_with_skips(RUN_ALL_TESTS());
}
