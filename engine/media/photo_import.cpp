#include "engine/media/photo_import.h"

#include "engine/core/sha256.h"
#include "engine/media/exiv2_wrapper_p.h"
#include "engine/media/image_probe_p.h"
#include "engine/media/pixel_convert_p.h"

#include <new>
#include <utility>

namespace rashisa::media {

const char* image_format_name(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return "jpeg";
    case ImageFormat::Png: return "png";
    case ImageFormat::Webp: return "webp";
    case ImageFormat::Tiff: return "tiff";
    case ImageFormat::Bmp: return "bmp";
  }
  return "unknown";
}

const char* media_fault_name(MediaFault fault) {
  switch (fault) {
    case MediaFault::Empty: return "empty";
    case MediaFault::NotAnImage: return "not-an-image";
    case MediaFault::Unsupported: return "unsupported";
    case MediaFault::TooLarge: return "too-large";
    case MediaFault::Truncated: return "truncated";
    case MediaFault::Corrupt: return "corrupt";
  }
  return "corrupt";
}

namespace {

// Probe and decoder messages are fragments ("the file ends before ..."); the user-facing
// sentence names the file and, where the fragment has none, says what to do.
MediaError with_name(const MediaError& e, const std::string& name) {
  std::string msg = name + ": " + e.what();
  switch (e.fault()) {
    case MediaFault::Empty: msg += "; choose the photo file itself, or copy it again"; break;
    case MediaFault::Truncated: msg += "; the photo was probably not copied completely: copy it again from the camera or phone"; break;
    case MediaFault::Corrupt: msg += "; if it opens in other programs, save it again as JPEG or PNG and import that file"; break;
    default: break;
  }
  return MediaError(e.fault(), msg);
}

ImportedPhoto import_checked(const std::uint8_t* data, std::size_t size, const ImportLimits& limits) {
  const detail::ProbeResult probe = detail::probe_image(data, size, limits);
  ImportedPhoto out;
  out.sha256 = sha256_hex(data, size);
  out.format = probe.format;
  out.original_width = probe.width;
  out.original_height = probe.height;
  // Our own EXIF reader, not OpenCV's or exiv2's: decoding uses IMREAD_UNCHANGED, which never
  // rotates, so the orientation is applied exactly once, here.
  out.orientation = detail::exif_orientation(probe.exif, probe.exif_size);
  cv::Mat decoded;
  const bool le = data[0] == 'I';
  const std::uint8_t one[2] = {std::uint8_t(le ? 1 : 0), std::uint8_t(le ? 0 : 1)};
  if (probe.tiff_orientation_at && (data[probe.tiff_orientation_at] != one[0] || data[probe.tiff_orientation_at + 1] != one[1])) {
    // Any stored value other than 1, valid or not, is set to 1 for libtiff (see image_probe_p.h).
    std::vector<std::uint8_t> upright(data, data + size);
    upright[probe.tiff_orientation_at] = one[0];
    upright[probe.tiff_orientation_at + 1] = one[1];
    decoded = detail::decode_unchanged(upright.data(), upright.size());
  } else {
    decoded = detail::decode_unchanged(data, size);
  }
  if (decoded.empty()) throw MediaError(MediaFault::Corrupt, "its image data could not be decoded");
  if (decoded.cols != probe.width || decoded.rows != probe.height)
    throw MediaError(MediaFault::Corrupt, "its image data does not match the size in its header");
  if (probe.components == 4) out.conversions.emplace_back("cmyk");
  if (probe.multi_frame) out.conversions.emplace_back("first-frame-only");
  out.image = detail::oriented_rgb_image(detail::to_rgb8(std::move(decoded), &out.conversions), out.orientation);
  // Last, and only for bytes the probe accepted: exiv2 never sees a format outside the allow-list.
  out.metadata = detail::read_metadata(data, size, probe.format);
  return out;
}

}  // namespace

ImportedPhoto import_photo(const std::uint8_t* data, std::size_t size, const std::string& file_name,
                           const ImportLimits& limits) {
  const std::string name = file_name.empty() ? std::string("the photo") : file_name;
  try {
    return import_checked(data, size, limits);
  } catch (const MediaError& e) {
    throw with_name(e, name);
  } catch (const cv::Exception&) {
    throw with_name(MediaError(MediaFault::Corrupt, "its image data could not be decoded"), name);
  } catch (const std::bad_alloc&) {
    throw Error(ErrorCode::OutOfMemory, name + ": there is not enough memory to open this photo; close other programs or use a smaller photo");
  }
}

ImportedPhoto import_photo(const std::vector<std::uint8_t>& bytes, const std::string& file_name, const ImportLimits& limits) {
  return import_photo(bytes.data(), bytes.size(), file_name, limits);
}

}  // namespace rashisa::media
