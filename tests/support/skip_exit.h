#pragma once
// How a GoogleTest binary ends, so CTest never reports skipped tests as passed: when every test
// that ran called GTEST_SKIP the binary exits 77 (SKIP_RETURN_CODE: CTest shows "Skipped");
// when only some did, it passes and says how many were skipped.
#include <gtest/gtest.h>

#include <cstdio>

namespace rashisa::testing {

inline constexpr int kSkipExitCode = 77;

inline int exit_code_with_skips(int result) {
  if (result != 0) return result;
  const ::testing::UnitTest& unit = *::testing::UnitTest::GetInstance();
  const int ran = unit.test_to_run_count();
  const int skipped = unit.skipped_test_count();
  if (ran > 0 && skipped == ran) {
    std::fprintf(stderr, "SKIPPED: all %d tests were skipped (the reasons are above)\n", ran);
    return kSkipExitCode;
  }
  if (skipped > 0) std::fprintf(stderr, "note: %d of %d tests were skipped (marked SKIPPED above)\n", skipped, ran);
  return 0;
}

}  // namespace rashisa::testing
