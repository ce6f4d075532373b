// libFuzzer target: a whole safetensors file image -> the pickle sniffing every loader does
// first, then parse_safetensors (length prefix, header JSON, dtypes, shapes, offsets, coverage
// of the data section). Only SafetensorsError may come out, and an accepted file must keep the
// promises the zero-copy tensor views rely on.
#include "engine/model_io/pickle_guard.h"
#include "engine/model_io/safetensors.h"
#include "tests/fuzz/fuzz_check.h"

#include <algorithm>

namespace mio = rashisa::model_io;
using rashisa::fuzz::require;

namespace {

void check_accepted(const mio::SafetensorsHeader& header, std::size_t size) {
  require(header.data_offset >= 8 && header.data_offset <= size, "data section starts inside the file");
  const std::uint64_t data_size = size - header.data_offset;
  std::uint64_t covered = 0;
  for (const auto& t : header.tensors) {
    require(t.begin == covered, "tensors are sorted and leave no gap");
    require(t.begin <= t.end && t.end <= data_size, "byte range inside the data section");
    require(t.numel() * mio::dtype_size(t.dtype) == t.end - t.begin, "dtype x shape matches the range");
    require(std::all_of(t.shape.begin(), t.shape.end(), [](std::int64_t d) { return d >= 0; }),
            "no negative dimension");
    covered = t.end;
  }
  require(covered == data_size, "the ranges cover the data section");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mio::looks_like_pickle(data, std::min<std::size_t>(size, 9), size);
  try {
    check_accepted(mio::parse_safetensors(data, size, "fuzz.safetensors"), size);
  } catch (const mio::SafetensorsError&) {
  }
  return 0;
}
