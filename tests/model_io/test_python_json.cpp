#include "engine/model_io/python_json.h"

#include <gtest/gtest.h>

namespace mio = rashisa::model_io;

TEST(PythonJson, ReadsBareInfinityAndNaNOutsideStrings) {
  const auto j = mio::parse_python_json(
      R"({"lambda_min_clipped": -Infinity, "hi": Infinity, "x": NaN, "s": "NaN and -Infinity \"Infinity\""})");
  ASSERT_FALSE(j.is_discarded());
  EXPECT_LE(j["lambda_min_clipped"].get<double>(), -1e300);
  EXPECT_GE(j["hi"].get<double>(), 1e300);
  EXPECT_TRUE(j["x"].is_null());
  EXPECT_EQ(j["s"], "NaN and -Infinity \"Infinity\"");
}

TEST(PythonJson, InvalidTextIsDiscarded) {
  EXPECT_TRUE(mio::parse_python_json("{\"a\": }").is_discarded());
  EXPECT_TRUE(mio::parse_python_json("Infinit").is_discarded());
}
