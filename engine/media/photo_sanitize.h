#pragma once
// What Rashisa stores of an imported photo: the photo without personal metadata (GPS, serial
// numbers, owner names, embedded thumbnails, descriptions, edit history), from which
// import_photo() gives back exactly the same pixels. See ../shared/RELIABILITY.md §5 (PRIV-1).
// Public header: no OpenCV or exiv2 types.
//
// JPEG goes through our own marker-segment filter, so the entropy-coded data is copied byte
// for byte (no second lossy generation); PNG through a chunk filter. Everything else, and any
// file the filters cannot rewrite safely, is stored as a lossless PNG of the decoded pixels.
#include "engine/core/no_qt.h"
#include "engine/media/photo_import.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace rashisa::media {

struct StoredPhoto {
  std::vector<std::uint8_t> bytes;  // what the project keeps
  bool reencoded = false;           // true: bytes are a lossless PNG of the decoded, oriented 8-bit RGB
};

/// `original` must be the bytes `photo` was imported from (import_photo). Returns bytes with no
/// personal metadata from which import_photo() yields exactly photo.image (pixel-exact, same
/// orientation). Throws Error(InvalidArgument) when `original` is not the photo's bytes (its
/// sha256 differs) or photo.image is not a valid image.
StoredPhoto sanitize_for_storage(const std::vector<std::uint8_t>& original, const ImportedPhoto& photo);

namespace detail {

/// The JPEG marker-segment filter alone (exposed for tests). Keeps SOI, the first JFIF APP0
/// (thumbnail removed), APP2 ICC_PROFILE, APP14 Adobe (its 12 defined bytes), DQT, DHT, DAC,
/// SOFn, DRI, SOS, DNL and every scan's entropy-coded data byte for byte, up to EOI; drops
/// every other APPn, COM, stand-alone markers outside scans and anything after EOI. With
/// `orientation` 2..8 a minimal APP1 Exif holding only Orientation follows SOI/JFIF.
/// nullopt when the structure is damaged, truncated or holds a marker it does not know.
std::optional<std::vector<std::uint8_t>> filter_jpeg(const std::uint8_t* data, std::size_t size, int orientation);

/// The PNG chunk filter alone (exposed for tests). Copies the signature and, verbatim, the
/// chunks that shape the pixels or their colour (IHDR, PLTE, IDAT, IEND, tRNS, gAMA, cHRM,
/// sRGB, iCCP, sBIT, bKGD, pHYs, hIST, cICP, mDCv, cLLI and the APNG chunks); drops every other
/// ancillary chunk (eXIf, tEXt, iTXt, zTXt, tIME, private chunks) and anything after IEND.
/// nullopt when the structure is damaged or truncated or holds an unknown critical chunk.
std::optional<std::vector<std::uint8_t>> filter_png(const std::uint8_t* data, std::size_t size);

}  // namespace detail
}  // namespace rashisa::media
