#pragma once
// Private: our own header probes. Plain byte parsing, no OpenCV and no exiv2, so that nothing
// from a library looks at a file before we know its format, its size and that it is complete.
#include "engine/media/photo_import.h"

#include <cstddef>
#include <cstdint>

namespace rashisa::media::detail {

struct ProbeResult {
  ImageFormat format = ImageFormat::Jpeg;
  int width = 0;   // as stored, before orientation
  int height = 0;
  int components = 0;      // JPEG: 1 (grey), 3 (YCbCr/RGB), 4 (CMYK/YCCK); 0 elsewhere
  bool multi_frame = false;  // APNG or multi-page TIFF: only the first frame is decoded
  // EXIF as a TIFF structure ("II*\0" / "MM\0*"), a view into the probed bytes; null if none.
  // For a TIFF file this is the file itself (its IFD0 holds the orientation).
  const std::uint8_t* exif = nullptr;
  std::size_t exif_size = 0;
  // TIFF: byte offset of IFD0's Orientation value (a SHORT in the file's byte order); 0 if none.
  // OpenCV's TIFF reader applies (part of) the orientation itself through libtiff, so import
  // decodes a copy with this value set to 1 and applies the orientation itself.
  std::size_t tiff_orientation_at = 0;
};

/// Identifies the format by its magic bytes, reads the pixel size from the header, checks it
/// against `limits` and checks that the file is complete (JPEG EOI after the scans, PNG IEND,
/// RIFF size, TIFF strips, BMP pixel array). Never allocates in proportion to the claimed size.
/// Throws MediaError whose message is a fragment without the file name (import adds it).
ProbeResult probe_image(const std::uint8_t* data, std::size_t size, const ImportLimits& limits);

/// EXIF orientation (1..8) from a TIFF-structured block (IFD0 tag 0x0112); 1 when the block or
/// the tag is absent, malformed or out of range.
int exif_orientation(const std::uint8_t* tiff, std::size_t size);

}  // namespace rashisa::media::detail
