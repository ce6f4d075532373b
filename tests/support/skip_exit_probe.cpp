// A test binary for the exit-code check in tests/support/skip_exit_check.cmake: one test that
// skips and one that passes.
#include <gtest/gtest.h>

TEST(Probe, Skips) { GTEST_SKIP() << "skipped on purpose"; }

TEST(Probe, Passes) { EXPECT_EQ(1 + 1, 2); }
