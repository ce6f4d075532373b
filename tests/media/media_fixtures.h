#pragma once
// Test inputs made in the test: encoded with OpenCV, then given EXIF blocks, chunks or tags
// by hand, so no binary fixture files are needed.
#include "engine/media/image_file.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::media::testing {

using Bytes = std::vector<std::uint8_t>;

/// An asymmetric colour pattern (no two of the 8 orientations look alike), B,G,R order.
cv::Mat pattern_bgr(int width, int height, int seed = 0);

/// cv::imencode; fails the test (throws) if OpenCV cannot encode.
Bytes encode(const cv::Mat& image, const std::string& ext, const std::vector<int>& params = {});

/// A TIFF-structured EXIF block whose IFD0 holds only Orientation = `orientation`.
Bytes exif_block(int orientation, bool little_endian = true);

/// `jpeg` with an APP1 "Exif" segment holding `tiff` inserted right after SOI.
Bytes jpeg_with_app1(const Bytes& jpeg, const Bytes& tiff);

/// `png` with a chunk inserted right after IHDR (CRC computed).
Bytes png_with_chunk(const Bytes& png, const char type[4], const Bytes& data);

/// A PNG chunk (length, type, data, CRC).
Bytes png_chunk(const char type[4], const Bytes& data);

/// A simple-format WebP (one VP8/VP8L chunk) rewritten as an extended (VP8X) file with an EXIF chunk.
Bytes webp_with_exif(const Bytes& webp, int width, int height, const Bytes& tiff);

/// A little-endian TIFF with tag 274 (Orientation) added to IFD0 (the IFD is rewritten at the end).
Bytes tiff_with_orientation(const Bytes& tiff, int orientation);

/// A baseline 4-component (CMYK) JPEG with an Adobe APP14 marker (transform 0), written by a
/// minimal encoder that codes every 8x8 block as flat (DC only): block (bx, by) of the image has
/// the stored (Adobe-inverted) value cmyk[(by * blocks_x + bx) * 4 + c]. Size is 8*blocks_x x 8*blocks_y.
Bytes cmyk_jpeg(int blocks_x, int blocks_y, const std::vector<std::uint8_t>& cmyk);

/// Expected pixel layout after applying EXIF orientation `o` to `stored` (written from the EXIF
/// definitions by index arithmetic, independent of the engine's transpose/flip code).
RgbImage oriented_reference(const RgbImage& stored, int orientation);

/// Row/column view into an RgbImage.
inline const std::uint8_t* px(const RgbImage& im, int x, int y) {
  return im.pixels.data() + (static_cast<std::size_t>(y) * im.width + x) * 3;
}

RgbImage from_bgr(const cv::Mat& bgr);

/// True when `needle` occurs in `hay`.
bool contains_bytes(const Bytes& hay, const std::string& needle);

}  // namespace rashisa::media::testing
