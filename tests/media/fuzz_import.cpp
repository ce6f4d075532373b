// libFuzzer target over bytes -> probe + decode + metadata + measures (RELIABILITY.md IMG-6).
// Built only when RASHISA_ENABLE_FUZZING is on (clang, -fsanitize=fuzzer,address,undefined).
#include "engine/media/photo_checks.h"
#include "engine/media/photo_import.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const rashisa::media::ImportedPhoto photo = rashisa::media::import_photo(data, size, "fuzz");
    rashisa::media::summarize_photo("fuzz", photo.image, photo.sha256);
  } catch (const rashisa::media::MediaError&) {
  }
  return 0;
}
