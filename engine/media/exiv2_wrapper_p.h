#pragma once
// Private: the one place Rashisa calls exiv2 (0.27, Debian 12). Everything goes through here so
// the rules of ../shared/RELIABILITY.md §3 (IMG-5) hold in one spot:
//  - metadata is read only from bytes in memory (ImageFactory::open(const byte*, long)), never
//    from a path (exiv2 0.27 opens http://, file://, data: and "-" itself);
//  - only after our probe accepted the format, and only when exiv2 detects the same format;
//  - one mutex around every exiv2 call and a one-time XmpParser::initialize() (the XMP toolkit
//    is not thread-safe); exiv2 log output is muted;
//  - every exception (exiv2 also throws std:: exceptions) is caught here: a metadata failure
//    never loses the photo.
// Like digiKam's metaengine_p.h. Never include exiv2 headers from a public header.
#include "engine/media/photo_import.h"

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace rashisa::media::detail {

/// Held around every exiv2 call in Rashisa (also by any future metadata writer).
std::mutex& exiv2_mutex();

/// Reads the metadata of an image our probe identified as `format`. Never throws; on failure
/// returns read = false with the reason in `problem`.
PhotoMetadata read_metadata(const std::uint8_t* data, std::size_t size, ImageFormat format) noexcept;

}  // namespace rashisa::media::detail
