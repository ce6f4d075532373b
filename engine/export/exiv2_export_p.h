#pragma once
// Private: the only place engine/export calls exiv2 (0.27). Like engine/media's wrapper (and
// digiKam's metaengine_p.h): one mutex around every exiv2 call, a one-time
// XmpParser::initialize() plus registration of the "rashisa" XMP namespace, exiv2 logging
// muted, bytes in memory only (never a path: exiv2 0.27 opens URLs itself, RELIABILITY.md §3).
// Never include exiv2 headers from a public header.
#include "engine/export/image_export.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace rashisa::exporting::detail {

/// Held around every exiv2 call in engine/export.
std::mutex& exiv2_export_mutex();

/// `encoded` (PNG or JPEG bytes from our own encoder) with the provenance XMP added and, for
/// JPEG, `parameters` as Exif.Photo.UserComment (empty: none). Throws Error(FileWrite) for any
/// failure (exiv2 also throws std:: exceptions; all are caught here).
std::vector<std::uint8_t> add_provenance(const std::vector<std::uint8_t>& encoded, ExportFormat format,
                                         const ImageProvenance& p, const std::string& parameters);

/// The XMP fields and, for JPEG, the UserComment of `bytes`. Throws Error(FileFormat) when
/// exiv2 does not recognise the bytes as PNG or JPEG, or fails to parse them.
ReadProvenance read_exiv2_provenance(const std::vector<std::uint8_t>& bytes);

}  // namespace rashisa::exporting::detail
