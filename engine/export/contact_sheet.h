#pragma once
// A contact sheet for review: thumbnails on a grid, each with a one-line caption (seed,
// template). Public header: no OpenCV types.
#include "engine/export/image_export.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rashisa::exporting {

struct ContactSheetItem {
  RgbImage image;
  std::string caption;  // drawn with cv::putText (Hershey font): ASCII only, others become '?'
};

/// Layout constants: a white sheet, kContactSheetPadding px between and around cells; each cell
/// is cell_size x cell_size for the thumbnail (fitted, aspect kept, centred, never enlarged)
/// above a kContactSheetCaptionHeight px caption band (captions too wide are cut with "...").
constexpr int kContactSheetPadding = 8;
constexpr int kContactSheetCaptionHeight = 20;

/// PNG bytes of the sheet. With n items and c = min(columns, n) columns, r = ceil(n / columns)
/// rows:  width  = c * (cell_size + pad) + pad,
///        height = r * (cell_size + caption + pad) + pad.
/// The PNG has no metadata. Throws Error(InvalidArgument) for no items, columns < 1,
/// cell_size outside 16..1024, or an item whose buffer does not match its size.
std::vector<std::uint8_t> contact_sheet_png(const std::vector<ContactSheetItem>& items, int columns, int cell_size);

}  // namespace rashisa::exporting
