// One test per way a safetensors file can be malformed. Each builds the bad bytes
// itself and expects the reader's own fault kind, never a crash.
// Ref: huggingface/safetensors safetensors/src/tensor.rs (SafeTensors::read_metadata, Metadata::validate)
#include "engine/model_io/safetensors.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace mio = rashisa::model_io;
using mio::SafetensorsFault;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes with_length(std::uint64_t n, const std::string& header, std::size_t data_bytes) {
  Bytes b(8);
  for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>((n >> (8 * i)) & 0xff);
  b.insert(b.end(), header.begin(), header.end());
  b.resize(b.size() + data_bytes, 0x3f);
  return b;
}

Bytes file_bytes(const std::string& header, std::size_t data_bytes) {
  return with_length(header.size(), header, data_bytes);
}

// The fault the reader reports, or a test failure when it accepts the bytes or throws
// anything that is not a SafetensorsError.
::testing::AssertionResult faults_with(const Bytes& b, SafetensorsFault want) {
  try {
    mio::parse_safetensors(b.data(), b.size(), "test bytes");
  } catch (const mio::SafetensorsError& e) {
    if (e.fault() == want) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "fault " << mio::fault_name(e.fault()) << " instead of "
                                         << mio::fault_name(want) << ": " << e.what();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "untyped exception: " << e.what();
  }
  return ::testing::AssertionFailure() << "accepted, expected " << mio::fault_name(want);
}

std::string entry(const std::string& name, const std::string& dtype, const std::string& shape,
                  const std::string& offsets) {
  return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
}

}  // namespace

TEST(SafetensorsMalformed, ValidFileIsAcceptedAsControl) {
  const Bytes b = file_bytes("{" + entry("a", "F32", "[2]", "[0,8]") + "," + entry("b", "F16", "[]", "[8,10]") + "}", 10);
  const auto h = mio::parse_safetensors(b.data(), b.size());
  ASSERT_EQ(h.tensors.size(), 2u);
  EXPECT_EQ(h.tensors[1].name, "b");
  EXPECT_EQ(h.data_offset, 8 + b.size() - 8 - 10);
}

TEST(SafetensorsMalformed, TruncatedBeforeTheLength) {
  EXPECT_TRUE(faults_with(Bytes{}, SafetensorsFault::Truncated));
  EXPECT_TRUE(faults_with(Bytes{16, 0, 0, 0, 0, 0, 0}, SafetensorsFault::Truncated));
  // The same through the memory-mapped file path (an empty file maps no bytes at all).
  const auto dir = std::filesystem::temp_directory_path();
  for (std::size_t n : {0, 5}) {
    const auto path = dir / ("rashisa_truncated_" + std::to_string(n) + ".safetensors");
    std::ofstream(path, std::ios::binary).write("\x10\0\0\0\0", static_cast<std::streamsize>(n));
    try {
      mio::SafetensorsFile::open(path);
      ADD_FAILURE() << "opened a " << n << "-byte file";
    } catch (const mio::SafetensorsError& e) {
      EXPECT_EQ(e.fault(), SafetensorsFault::Truncated) << e.what();
    }
    std::filesystem::remove(path);
  }
}

TEST(SafetensorsMalformed, DeclaredHeaderLengthBeyondTheFile) {
  const std::string header = "{" + entry("a", "F32", "[1]", "[0,4]") + "}";
  EXPECT_TRUE(faults_with(with_length(header.size() + 100, header, 4), SafetensorsFault::HeaderTooLarge));
  EXPECT_TRUE(faults_with(with_length(~std::uint64_t(0), header, 4), SafetensorsFault::HeaderTooLarge));
  // Over the format's 100 MB cap even if the bytes were there.
  EXPECT_TRUE(faults_with(with_length(100'000'001, header, 4), SafetensorsFault::HeaderTooLarge));
}

TEST(SafetensorsMalformed, HeaderIsNotJsonOfTheExpectedForm) {
  EXPECT_TRUE(faults_with(file_bytes("{\"a\":{\"dtype\":", 0), SafetensorsFault::BadJson));
  EXPECT_TRUE(faults_with(file_bytes("[1,2,3]", 0), SafetensorsFault::BadJson));
  EXPECT_TRUE(faults_with(file_bytes("", 0), SafetensorsFault::BadJson));
  EXPECT_TRUE(faults_with(file_bytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4), SafetensorsFault::BadJson));
  EXPECT_TRUE(faults_with(file_bytes("{\"__metadata__\":{\"k\":5}}", 0), SafetensorsFault::BadJson));
  EXPECT_TRUE(faults_with(file_bytes("{\"\xff\xfe\":1}", 0), SafetensorsFault::BadJson));  // not UTF-8
}

TEST(SafetensorsMalformed, DuplicateKey) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4]") + "," + entry("a", "F32", "[1]", "[4,8]") + "}", 8),
                          SafetensorsFault::DuplicateKey));
  // Also inside an entry: which dtype would be meant?
  EXPECT_TRUE(faults_with(
      file_bytes("{\"a\":{\"dtype\":\"F32\",\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
      SafetensorsFault::DuplicateKey));
}

TEST(SafetensorsMalformed, NonIntegerOffsets) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[\"0\",\"4\"]") + "}", 4), SafetensorsFault::BadOffsets));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4,8]") + "}", 4), SafetensorsFault::BadOffsets));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "{\"begin\":0}") + "}", 4), SafetensorsFault::BadOffsets));
}

TEST(SafetensorsMalformed, NegativeOffsets) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[-4,0]") + "}", 4), SafetensorsFault::BadOffsets));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[4,0]") + "}", 4), SafetensorsFault::BadOffsets));
}

TEST(SafetensorsMalformed, FloatOffsets) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0.0,4.0]") + "}", 4), SafetensorsFault::BadOffsets));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4e0]") + "}", 4), SafetensorsFault::BadOffsets));
  // Beyond uint64: JSON parsers turn it into a float, never a wrapped integer.
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,18446744073709551620]") + "}", 4),
                          SafetensorsFault::BadOffsets));
}

TEST(SafetensorsMalformed, OverlappingRanges) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[2]", "[0,8]") + "," + entry("b", "F32", "[2]", "[4,12]") + "}", 12),
                          SafetensorsFault::Overlap));
  // Two tensors sharing the same bytes.
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4]") + "," + entry("b", "I32", "[1]", "[0,4]") + "}", 4),
                          SafetensorsFault::Overlap));
}

TEST(SafetensorsMalformed, RangeOutsideTheFile) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[4]", "[0,16]") + "}", 8), SafetensorsFault::OutOfRange));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "U8", "[0]", "[1000,1000]") + "}", 0), SafetensorsFault::OutOfRange));
}

TEST(SafetensorsMalformed, DtypeTimesShapeDiffersFromTheRange) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[3]", "[0,8]") + "}", 8), SafetensorsFault::SizeMismatch));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F16", "[2,2]", "[0,16]") + "}", 16), SafetensorsFault::SizeMismatch));
  // Shapes whose byte count overflows 64 bits.
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[4294967296,4294967296]", "[0,8]") + "}", 8),
                          SafetensorsFault::SizeMismatch));
}

TEST(SafetensorsMalformed, UnknownDtype) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F33", "[1]", "[0,4]") + "}", 4), SafetensorsFault::UnknownDType));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "f32", "[1]", "[0,4]") + "}", 4), SafetensorsFault::UnknownDType));
  EXPECT_TRUE(faults_with(file_bytes("{\"a\":{\"dtype\":4,\"shape\":[1],\"data_offsets\":[0,4]}}", 4),
                          SafetensorsFault::UnknownDType));
}

TEST(SafetensorsMalformed, MalformedShape) {
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[-1]", "[0,4]") + "}", 4), SafetensorsFault::BadShape));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1.5]", "[0,4]") + "}", 4), SafetensorsFault::BadShape));
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "\"1\"", "[0,4]") + "}", 4), SafetensorsFault::BadShape));
}

TEST(SafetensorsMalformed, BytesThatBelongToNoTensor) {
  // A hole between two tensors.
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4]") + "," + entry("b", "F32", "[1]", "[8,12]") + "}", 12),
                          SafetensorsFault::Gap));
  // Trailing bytes after the last tensor (the reference requires full coverage).
  EXPECT_TRUE(faults_with(file_bytes("{" + entry("a", "F32", "[1]", "[0,4]") + "}", 8), SafetensorsFault::Gap));
  // A data section with no tensors at all.
  EXPECT_TRUE(faults_with(file_bytes("{}", 4), SafetensorsFault::Gap));
}

// Not a fault kind: damaged copies of a valid file must only ever give typed errors.
TEST(SafetensorsMalformed, DamagedCopiesNeverCrash) {
  const Bytes good = file_bytes("{\"__metadata__\":{\"format\":\"pt\"}," + entry("a", "F32", "[2,2]", "[0,16]") + "," +
                                    entry("b", "I64", "[1]", "[16,24]") + "}",
                                24);
  auto survives = [](const Bytes& b) {
    try {
      mio::parse_safetensors(b.data(), b.size());
    } catch (const mio::SafetensorsError&) {
    } catch (const std::exception& e) {
      ADD_FAILURE() << "untyped exception: " << e.what();
    }
  };
  for (std::size_t n = 0; n <= good.size(); ++n) survives(Bytes(good.begin(), good.begin() + n));
  std::mt19937 rng(1234);
  for (int i = 0; i < 3000; ++i) {
    Bytes b = good;
    for (int k = 0; k < 3; ++k) b[rng() % b.size()] = static_cast<std::uint8_t>(rng());
    survives(b);
  }
  // Deeply nested JSON must not exhaust the stack.
  survives(file_bytes(std::string(200000, '[') + std::string(200000, ']'), 0));
  survives(file_bytes("{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}", 0));
}
