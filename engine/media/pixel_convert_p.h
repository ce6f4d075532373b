#pragma once
// Private: OpenCV decoding and pixel normalisation behind import_photo. Includes OpenCV, so it
// must never be included from a public header.
#include "engine/media/image_file.h"

#include <opencv2/core.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::media::detail {

/// cv::imdecode with IMREAD_UNCHANGED (which never applies EXIF orientation in OpenCV 4.6, so
/// orientation stays ours) and cv::Exception caught. Returns an empty Mat on failure.
cv::Mat decode_unchanged(const std::uint8_t* data, std::size_t size);

/// Any decoded Mat (1-4 channels in OpenCV's B,G,R,A order; 8U/16U/32F/64F) to a contiguous
/// CV_8UC3 in R,G,B order, converting in place where it can (`decoded` is consumed: pass it
/// with std::move so a 100 MP photo is not held twice). Alpha is composited on white. Appends
/// conversion codes (see ImportedPhoto::conversions). Throws MediaError(Unsupported) for other
/// pixel types.
cv::Mat to_rgb8(cv::Mat decoded, std::vector<std::string>* conversions);

/// Applies EXIF orientation 1..8 (EXIF 2.32 §4.6.4, tag 0x0112) so the result is what a viewer
/// shows, writing straight into the returned image's buffer. Any other value is treated as 1.
RgbImage oriented_rgb_image(const cv::Mat& rgb, int orientation);

/// Validates an RgbImage and wraps it as a CV_8UC3 header without copying.
cv::Mat rgb_view(const RgbImage& image, const char* who);

}  // namespace rashisa::media::detail
