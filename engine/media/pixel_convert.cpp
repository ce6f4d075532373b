#include "engine/media/pixel_convert_p.h"

#include "engine/media/photo_import.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace rashisa::media::detail {
namespace {

void note(std::vector<std::string>* conversions, const char* code) {
  if (conversions) conversions->emplace_back(code);
}

// c' = c*a + 255*(1-a), in integers with rounding; the result is opaque, in B,G,R order.
cv::Mat composite_on_white(const cv::Mat& bgra, std::vector<std::string>* conversions) {
  cv::Mat out(bgra.rows, bgra.cols, CV_8UC3);
  bool transparent = false;
  for (int y = 0; y < bgra.rows; ++y) {
    const std::uint8_t* s = bgra.ptr<std::uint8_t>(y);
    std::uint8_t* d = out.ptr<std::uint8_t>(y);
    for (int x = 0; x < bgra.cols; ++x, s += 4, d += 3) {
      const unsigned a = s[3];
      transparent = transparent || a != 255;
      for (int c = 0; c < 3; ++c) d[c] = static_cast<std::uint8_t>((s[c] * a + 255u * (255u - a) + 127u) / 255u);
    }
  }
  if (transparent) note(conversions, "alpha-on-white");
  return out;
}

}  // namespace

cv::Mat decode_unchanged(const std::uint8_t* data, std::size_t size) {
  try {
    const cv::Mat buf(1, static_cast<int>(size), CV_8U, const_cast<std::uint8_t*>(data));
    return cv::imdecode(buf, cv::IMREAD_UNCHANGED);
  } catch (const cv::Exception&) {
    return {};
  } catch (const std::exception&) {
    return {};
  }
}

cv::Mat to_rgb8(cv::Mat decoded, std::vector<std::string>* conversions) {
  cv::Mat m8;
  switch (decoded.depth()) {
    case CV_8U: m8 = std::move(decoded); break;
    case CV_16U:
      decoded.convertTo(m8, CV_8U, 255.0 / 65535.0);
      note(conversions, "16-bit");
      break;
    case CV_32F:
    case CV_64F:  // float images are taken as [0, 1]; values outside saturate
      decoded.convertTo(m8, CV_8U, 255.0);
      note(conversions, "float");
      break;
    default:
      throw MediaError(MediaFault::Unsupported, "it uses a pixel format Rashisa cannot read; export or save it as JPEG or PNG and import that file");
  }
  decoded.release();
  cv::Mat rgb;
  switch (m8.channels()) {
    case 1:
      cv::cvtColor(m8, rgb, cv::COLOR_GRAY2RGB);
      note(conversions, "grayscale");
      break;
    case 2: {  // grey + alpha
      cv::Mat planes[2], bgra;
      cv::split(m8, planes);
      cv::Mat four[4] = {planes[0], planes[0], planes[0], planes[1]};
      cv::merge(four, 4, bgra);
      cv::cvtColor(composite_on_white(bgra, conversions), rgb, cv::COLOR_BGR2RGB);
      note(conversions, "grayscale");
      break;
    }
    case 3:
      if (!m8.isContinuous()) m8 = m8.clone();
      cv::cvtColor(m8, m8, cv::COLOR_BGR2RGB);  // in place
      rgb = std::move(m8);
      break;
    case 4: {
      cv::Mat bgr = composite_on_white(m8, conversions);
      m8.release();
      cv::cvtColor(bgr, bgr, cv::COLOR_BGR2RGB);
      rgb = std::move(bgr);
      break;
    }
    default:
      throw MediaError(MediaFault::Unsupported, "it has " + std::to_string(m8.channels()) +
                                                    " colour channels; export or save it as JPEG or PNG and import that file");
  }
  if (!rgb.isContinuous()) rgb = rgb.clone();
  return rgb;
}

RgbImage oriented_rgb_image(const cv::Mat& rgb, int orientation) {
  CV_Assert(rgb.type() == CV_8UC3);
  if (orientation < 1 || orientation > 8) orientation = 1;
  const bool swap = orientation >= 5;
  RgbImage out;
  out.width = swap ? rgb.rows : rgb.cols;
  out.height = swap ? rgb.cols : rgb.rows;
  out.pixels.resize(static_cast<std::size_t>(out.width) * out.height * 3);
  cv::Mat dst(out.height, out.width, CV_8UC3, out.pixels.data());  // OpenCV writes into our buffer
  switch (orientation) {
    case 2: cv::flip(rgb, dst, 1); break;   // mirrored left-right
    case 3: cv::flip(rgb, dst, -1); break;  // rotated 180
    case 4: cv::flip(rgb, dst, 0); break;   // mirrored top-bottom
    case 5: cv::transpose(rgb, dst); break;
    case 6:  // rotated 90 clockwise for display
      cv::transpose(rgb, dst);
      cv::flip(dst, dst, 1);
      break;
    case 7:  // transverse
      cv::transpose(rgb, dst);
      cv::flip(dst, dst, -1);
      break;
    case 8:  // rotated 90 counter-clockwise for display
      cv::transpose(rgb, dst);
      cv::flip(dst, dst, 0);
      break;
    default: rgb.copyTo(dst); break;
  }
  CV_Assert(dst.data == out.pixels.data());  // no reallocation behind our back
  return out;
}

cv::Mat rgb_view(const RgbImage& image, const char* who) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3)
    throw Error(ErrorCode::InvalidArgument, std::string(who) + ": pixel buffer does not match the image size");
  return cv::Mat(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
}

}  // namespace rashisa::media::detail
