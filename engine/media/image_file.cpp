#include "engine/media/image_file.h"

#include "engine/core/error.h"
#include "engine/core/sha256.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <iterator>

namespace rashisa::media {

namespace fs = std::filesystem;

void write_png(const fs::path& path, const RgbImage& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3)
    throw Error(ErrorCode::InvalidArgument, "write_png: pixel buffer does not match the image size");
  // OpenCV encodes BGR; the buffer is RGB.
  cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  std::vector<uchar> bytes;
  if (!cv::imencode(".png", bgr, bytes)) throw Error(ErrorCode::Internal, "PNG encoding failed");

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
  std::vector<uchar> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (sha256) *sha256 = sha256_hex(bytes.data(), bytes.size());
  cv::Mat bgr = cv::imdecode(bytes, cv::IMREAD_COLOR);
  if (bgr.empty()) throw Error(ErrorCode::FileFormat, path.u8string() + " is not an image this program can read");
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  RgbImage out;
  out.width = rgb.cols;
  out.height = rgb.rows;
  out.pixels.assign(rgb.data, rgb.data + rgb.total() * 3);
  return out;
}

}  // namespace rashisa::media
