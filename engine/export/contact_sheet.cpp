#include "engine/export/contact_sheet.h"

#include "engine/core/error.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace rashisa::exporting {
namespace {

[[noreturn]] void bad(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

// cv::putText's Hershey fonts cover printable ASCII only; a UTF-8 sequence becomes one '?'.
std::string ascii_caption(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) out.push_back(static_cast<char>(c));
    else if (c < 0x80 || c >= 0xC0) out.push_back('?');  // control char or UTF-8 lead byte
  }
  return out;
}

std::string fit_caption(std::string text, int max_width, int font, double scale, int thickness) {
  int baseline = 0;
  if (cv::getTextSize(text, font, scale, thickness, &baseline).width <= max_width) return text;
  while (!text.empty() && cv::getTextSize(text + "...", font, scale, thickness, &baseline).width > max_width)
    text.pop_back();
  return text + "...";
}

}  // namespace

std::vector<std::uint8_t> contact_sheet_png(const std::vector<ContactSheetItem>& items, int columns, int cell_size) {
  if (items.empty()) bad("the contact sheet needs at least one image");
  if (columns < 1) bad("the contact sheet needs at least one column");
  if (cell_size < 16 || cell_size > 1024) bad("the contact sheet cell size must be between 16 and 1024 pixels");
  const int n = static_cast<int>(items.size());
  const int cols = std::min(columns, n);
  const int rows = (n + columns - 1) / columns;
  const int pad = kContactSheetPadding;
  const int band = kContactSheetCaptionHeight;
  const long long width = static_cast<long long>(cols) * (cell_size + pad) + pad;
  const long long height = static_cast<long long>(rows) * (cell_size + band + pad) + pad;
  if (width * height > 200LL * 1000 * 1000) bad("the contact sheet would be too large: use fewer images or smaller cells");

  try {
    cv::Mat sheet(static_cast<int>(height), static_cast<int>(width), CV_8UC3, cv::Scalar(255, 255, 255));
    const int font = cv::FONT_HERSHEY_SIMPLEX;
    const double scale = 0.4;
    for (int i = 0; i < n; ++i) {
      const RgbImage& img = items[i].image;
      if (img.width < 1 || img.height < 1 ||
          img.pixels.size() != static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 3)
        bad("contact sheet image " + std::to_string(i + 1) + ": the buffer does not match its size");
      const cv::Mat rgb(img.height, img.width, CV_8UC3, const_cast<std::uint8_t*>(img.pixels.data()));
      const double f = std::min(1.0, std::min(double(cell_size) / img.width, double(cell_size) / img.height));
      const int tw = std::max(1, static_cast<int>(img.width * f + 0.5));
      const int th = std::max(1, static_cast<int>(img.height * f + 0.5));
      cv::Mat thumb;
      if (tw == img.width && th == img.height) thumb = rgb;
      else cv::resize(rgb, thumb, cv::Size(tw, th), 0, 0, cv::INTER_AREA);
      const int x0 = pad + (i % columns) * (cell_size + pad);
      const int y0 = pad + (i / columns) * (cell_size + band + pad);
      // The sheet is kept in RGB and converted to BGR once at the end.
      thumb.copyTo(sheet(cv::Rect(x0 + (cell_size - tw) / 2, y0 + (cell_size - th) / 2, tw, th)));
      const std::string caption = fit_caption(ascii_caption(items[i].caption), cell_size, font, scale, 1);
      if (!caption.empty())
        cv::putText(sheet, caption, cv::Point(x0, y0 + cell_size + band - 6), font, scale, cv::Scalar(0, 0, 0), 1,
                    cv::LINE_AA);
    }
    cv::Mat bgr;
    cv::cvtColor(sheet, bgr, cv::COLOR_RGB2BGR);
    std::vector<std::uint8_t> png;
    if (!cv::imencode(".png", bgr, png) || png.empty())
      throw Error(ErrorCode::Internal, "the contact sheet could not be encoded");
    return png;
  } catch (const cv::Exception& e) {
    throw Error(ErrorCode::Internal, std::string("the contact sheet could not be drawn: ") + e.what());
  }
}

}  // namespace rashisa::exporting
