#include "engine/media/image_file.h"

#include "engine/core/error.h"
#include "engine/media/photo_import.h"
#include "engine/media/pixel_convert_p.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace rashisa::media {

namespace fs = std::filesystem;

namespace {

std::vector<std::uint8_t> encode_rgb_png(const cv::Mat& rgb) {
  cv::Mat bgr;  // OpenCV encodes B,G,R
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> bytes;
  if (!cv::imencode(".png", bgr, bytes)) throw Error(ErrorCode::Internal, "PNG encoding failed");
  return bytes;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const RgbImage& image) {
  return encode_rgb_png(detail::rgb_view(image, "encode_png"));
}

std::vector<std::uint8_t> make_thumbnail_png(const RgbImage& image, int max_side) {
  const cv::Mat rgb = detail::rgb_view(image, "make_thumbnail_png");
  if (max_side < 1) throw Error(ErrorCode::InvalidArgument, "make_thumbnail_png: max_side must be at least 1");
  const int longest = std::max(rgb.cols, rgb.rows);
  if (longest <= max_side) return encode_rgb_png(rgb);
  const double scale = static_cast<double>(max_side) / longest;
  const int w = std::max(1, static_cast<int>(std::lround(rgb.cols * scale)));
  const int h = std::max(1, static_cast<int>(std::lround(rgb.rows * scale)));
  cv::Mat small;
  cv::resize(rgb, small, cv::Size(std::min(w, max_side), std::min(h, max_side)), 0, 0, cv::INTER_AREA);
  return encode_rgb_png(small);
}

void write_png(const fs::path& path, const RgbImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
    throw Error(ErrorCode::InvalidArgument, "write_png: pixel buffer does not match the image size");
  const std::vector<std::uint8_t> bytes = encode_png(image);

  fs::path tmp = path;
  tmp += ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      fs::remove(tmp, ec);
      throw Error(ErrorCode::FileWrite, "cannot write " + path.u8string() + " (is the folder writable, is the disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error(ErrorCode::FileWrite, "cannot write " + path.u8string() + ": " + ec.message());
  }
}

RgbImage read_rgb(const fs::path& path, std::string* sha256) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, "cannot open " + path.u8string());
  const ImportLimits limits;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw Error(ErrorCode::FileRead, "cannot read " + path.u8string());
  if (static_cast<std::uint64_t>(size) > limits.max_bytes)
    throw MediaError(MediaFault::TooLarge, path.filename().u8string() + ": the file is larger than Rashisa accepts (" +
                                               std::to_string(limits.max_bytes >> 20) + " MB); scale it down and import it again");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
    throw Error(ErrorCode::FileRead, "cannot read " + path.u8string());
  ImportedPhoto photo = import_photo(bytes, path.filename().u8string(), limits);
  if (sha256) *sha256 = photo.sha256;
  return std::move(photo.image);
}

}  // namespace rashisa::media
