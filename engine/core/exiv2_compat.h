#pragma once
// The few exiv2 calls whose types changed between 0.27 (Debian 12) and 0.28 (Debian 13,
// vcpkg on Windows): 0.28 made ImageType an enum class, replaced Image::AutoPtr with
// Image::UniquePtr, takes sizes as size_t and hides DataBuf's members. Include after
// <exiv2/exiv2.hpp>; callers hold rashisa::exiv2_mutex() as for any exiv2 call.
#include <exiv2/exiv2.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rashisa::exiv2_compat {

#if EXIV2_TEST_VERSION(0, 28, 0)
using ImageTypeId = Exiv2::ImageType;
using Size = std::size_t;
#else
using ImageTypeId = int;
using Size = long;
#endif

inline ImageTypeId type_of(const std::uint8_t* data, std::size_t size) {
  return Exiv2::ImageFactory::getType(reinterpret_cast<const Exiv2::byte*>(data), static_cast<Size>(size));
}

/// The image over a copy of `data` (exiv2 copies into its MemIo); null when it cannot be opened.
inline auto open(const std::uint8_t* data, std::size_t size) {
  return Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(data), static_cast<Size>(size));
}

/// Everything in `io`, from its start.
inline std::vector<std::uint8_t> read_all(Exiv2::BasicIo& io) {
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buf = io.read(static_cast<Size>(io.size()));
#if EXIV2_TEST_VERSION(0, 28, 0)
  const auto* p = buf.c_data();
  return buf.empty() ? std::vector<std::uint8_t>() : std::vector<std::uint8_t>(p, p + buf.size());
#else
  if (buf.size_ <= 0) return {};
  return std::vector<std::uint8_t>(buf.pData_, buf.pData_ + buf.size_);
#endif
}

}  // namespace rashisa::exiv2_compat
