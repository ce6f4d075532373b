// libFuzzer target: photo bytes -> probe + decode + orientation + metadata + measures
// (RELIABILITY.md IMG-6). Only MediaError may come out.
#include "engine/media/photo_checks.h"
#include "engine/media/photo_import.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const rashisa::media::ImportedPhoto photo = rashisa::media::import_photo(data, size, "fuzz");
    rashisa::media::summarize_photo("fuzz", photo.image, photo.sha256);
  } catch (const rashisa::media::MediaError&) {
  }
  return 0;
}
