#pragma once
// What every fuzz target shares: the libFuzzer entry point's signature and a check that stops
// the run (abort, so libFuzzer and the replay both report it) when a parser breaks its own
// promise on an input it accepted.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace rashisa::fuzz {

inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", what);
  std::abort();
}

}  // namespace rashisa::fuzz
