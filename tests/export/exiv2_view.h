#pragma once
// Reading an exported file's metadata with the Exiv2 API directly (not through Rashisa's own
// reader), from the file's bytes: what other tools see.
#include <exiv2/exiv2.hpp>

#include "engine/core/exiv2_compat.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rashisa::testing {

struct Exiv2View {
  Exiv2::XmpData xmp;
  Exiv2::ExifData exif;
};

inline Exiv2View exiv2_view(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Exiv2::XmpParser::initialize();
  auto image = rashisa::exiv2_compat::open(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  image->readMetadata();
  return {image->xmpData(), image->exifData()};
}

/// The property's text, or "<absent>".
inline std::string xmp_text(const Exiv2::XmpData& xmp, const char* key) {
  const auto it = xmp.findKey(Exiv2::XmpKey(key));
  return it == xmp.end() ? std::string("<absent>") : it->toString();
}

}  // namespace rashisa::testing
