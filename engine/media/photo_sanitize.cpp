#include "engine/media/photo_sanitize.h"

#include "engine/core/sha256.h"
#include "engine/media/image_probe_p.h"

#include <cstring>
#include <limits>

// Ref: ITU T.81 Annex B (JPEG marker syntax) and B.1.1.5 (entropy-coded segments); JFIF 1.02
// (APP0); Adobe TN #5116 (APP14); ICC.1 Annex B.4 (APP2 ICC_PROFILE); CIPA DC-008 Exif 2.32
// §4.5.4 (APP1) and §4.6.4 (Orientation); PNG 3rd edition §5.4 (chunk naming) and §11.
// Decoding-relevant behaviour mirrored from libjpeg-turbo jdmarker.c (examine_app0/app14 read
// 14 and 12 bytes) and jdapimin.c (colour space from JFIF/Adobe markers).

namespace rashisa::media {
namespace {

using u8 = std::uint8_t;
using Bytes = std::vector<u8>;

std::uint32_t be16(const u8* p) { return (std::uint32_t(p[0]) << 8) | p[1]; }
std::uint32_t be32(const u8* p) { return (be16(p) << 16) | be16(p + 2); }

void append(Bytes& out, const u8* p, std::size_t n) { out.insert(out.end(), p, p + n); }
void append_marker(Bytes& out, unsigned marker, std::size_t payload) {
  const std::size_t len = payload + 2;
  out.insert(out.end(), {0xFF, u8(marker), u8(len >> 8), u8(len)});
}

bool is_sof(unsigned m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }

enum class Action { Keep, Drop, Jfif, Adobe, Fail };

Action jpeg_action(unsigned m, const u8* seg, std::size_t seg_len) {
  if (is_sof(m) || m == 0xC4 || m == 0xCC || m == 0xDB || m == 0xDD || m == 0xDA || m == 0xDC) return Action::Keep;
  if (m == 0xE0) return seg_len >= 5 && std::memcmp(seg, "JFIF\0", 5) == 0 ? Action::Jfif : Action::Drop;
  if (m == 0xE2) return seg_len >= 12 && std::memcmp(seg, "ICC_PROFILE\0", 12) == 0 ? Action::Keep : Action::Drop;
  if (m == 0xEE) return seg_len >= 5 && std::memcmp(seg, "Adobe", 5) == 0 ? Action::Adobe : Action::Drop;
  // APP1 (Exif, XMP, extended XMP), APP3..APP13 (Photoshop IRB/IPTC in APP13), APP15, COM.
  if ((m >= 0xE1 && m <= 0xEF) || m == 0xFE) return Action::Drop;
  return Action::Fail;  // DHP/EXP (hierarchical), JPGn, reserved: not a JPEG we decode anyway
}

// APP1 "Exif\0\0" + little-endian TIFF whose IFD0 holds only Orientation (SHORT, count 1).
void append_orientation_app1(Bytes& out, int orientation) {
  static const u8 tiff[] = {'I', 'I', 42, 0, 8, 0, 0, 0,  // header, IFD0 at 8
                            1, 0,                          // one entry
                            0x12, 0x01, 3, 0, 1, 0, 0, 0,  // tag 274, SHORT, count 1
                            0, 0, 0, 0,                    // value (set below), padding
                            0, 0, 0, 0};                   // no next IFD
  append_marker(out, 0xE1, 6 + sizeof tiff);
  append(out, reinterpret_cast<const u8*>("Exif\0\0"), 6);
  const std::size_t at = out.size();
  append(out, tiff, sizeof tiff);
  out[at + 18] = u8(orientation);
}

// From just after an SOS header to the marker that ends its entropy-coded segment: 0xFF is
// followed by 0x00 (stuffing), RSTn or a fill byte inside a scan; anything else is a marker.
// Returns the position of the 0xFF of that marker, or 0 if the data ends first.
std::size_t end_of_scan(const u8* d, std::size_t n, std::size_t pos) {
  for (;;) {
    const void* ff = pos < n ? std::memchr(d + pos, 0xFF, n - pos) : nullptr;
    if (!ff) return 0;
    pos = static_cast<std::size_t>(static_cast<const u8*>(ff) - d);
    if (pos + 1 >= n) return 0;
    const unsigned next = d[pos + 1];
    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
      pos += 2;
    } else if (next == 0xFF) {
      pos += 1;
    } else {
      return pos;
    }
  }
}

bool is_png_letter(u8 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool png_kept(const u8* type) {
  static const char* const kept[] = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
                                     "bKGD", "pHYs", "hIST", "cICP", "mDCv", "cLLI", "acTL", "fcTL", "fdAT"};
  for (const char* k : kept)
    if (std::memcmp(type, k, 4) == 0) return true;
  return false;
}

ImportLimits structure_only_limits() {
  ImportLimits l;
  l.max_pixels = std::numeric_limits<std::int64_t>::max();
  l.max_side = std::numeric_limits<int>::max();
  l.max_bytes = std::numeric_limits<std::size_t>::max();
  return l;
}

// The cheap postcondition: our own probe (no decoding) accepts the filtered bytes as the same
// format and size, and finds the orientation that was applied on import.
bool same_structure(const Bytes& bytes, const ImportedPhoto& photo) {
  try {
    const detail::ProbeResult p = detail::probe_image(bytes.data(), bytes.size(), structure_only_limits());
    return p.format == photo.format && p.width == photo.original_width && p.height == photo.original_height &&
           detail::exif_orientation(p.exif, p.exif_size) == photo.orientation;
  } catch (const MediaError&) {
    return false;
  }
}

}  // namespace

namespace detail {

std::optional<Bytes> filter_jpeg(const u8* d, std::size_t n, int orientation) {
  if (!d || n < 4 || d[0] != 0xFF || d[1] != 0xD8) return std::nullopt;
  Bytes jfif, body;
  body.reserve(n);
  std::size_t pos = 2;
  bool sof = false, sos = false;
  for (;;) {
    if (pos >= n || d[pos] != 0xFF) return std::nullopt;
    while (pos < n && d[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= n) return std::nullopt;
    const unsigned m = d[pos++];
    if (m == 0xD9) {
      if (!sof || !sos) return std::nullopt;
      body.insert(body.end(), {0xFF, 0xD9});
      break;  // trailers after EOI (MPF previews, vendor blobs) are dropped
    }
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) continue;  // stand-alone, meaningless outside a scan
    if (m == 0xD8 || m == 0x00) return std::nullopt;
    if (n - pos < 2) return std::nullopt;
    const std::size_t len = be16(d + pos);
    if (len < 2 || len > n - pos) return std::nullopt;
    const u8* seg = d + pos + 2;
    const std::size_t seg_len = len - 2;
    switch (jpeg_action(m, seg, seg_len)) {
      case Action::Keep:
        body.insert(body.end(), {0xFF, u8(m)});
        append(body, d + pos, len);
        break;
      case Action::Drop: break;
      case Action::Jfif:
        // libjpeg reads the first 14 bytes; the thumbnail after them is dropped (size 0x0).
        if (jfif.empty() && seg_len >= 14) {
          append_marker(jfif, 0xE0, 14);
          append(jfif, seg, 12);
          jfif.insert(jfif.end(), {0, 0});
        }
        break;
      case Action::Adobe:
        // libjpeg ignores a shorter APP14, so dropping it decodes the same.
        if (seg_len >= 12) {
          append_marker(body, 0xEE, 12);
          append(body, seg, 12);
        }
        break;
      case Action::Fail: return std::nullopt;
    }
    pos += len;
    if (is_sof(m)) sof = true;
    if (m == 0xDA) {
      if (!sof) return std::nullopt;
      sos = true;
      const std::size_t end = end_of_scan(d, n, pos);
      if (end == 0) return std::nullopt;
      append(body, d + pos, end - pos);
      pos = end;
    }
  }
  Bytes out = {0xFF, 0xD8};
  out.reserve(2 + jfif.size() + 40 + body.size());
  append(out, jfif.data(), jfif.size());
  if (orientation >= 2 && orientation <= 8) append_orientation_app1(out, orientation);
  append(out, body.data(), body.size());
  return out;
}

std::optional<Bytes> filter_png(const u8* d, std::size_t n) {
  static const u8 kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (!d || n < 8 || std::memcmp(d, kSignature, 8) != 0) return std::nullopt;
  Bytes out(d, d + 8);
  out.reserve(n);
  std::size_t pos = 8;
  bool first = true;
  for (;;) {
    if (n - pos < 12) return std::nullopt;
    const std::size_t len = be32(d + pos);
    const u8* type = d + pos + 4;
    if (len > 0x7FFFFFFFu || len > n - pos - 12) return std::nullopt;
    for (int i = 0; i < 4; ++i)
      if (!is_png_letter(type[i])) return std::nullopt;
    if (first && std::memcmp(type, "IHDR", 4) != 0) return std::nullopt;
    first = false;
    if (png_kept(type)) {
      append(out, d + pos, 12 + len);  // verbatim, CRC included
    } else if (type[0] >= 'A' && type[0] <= 'Z') {
      return std::nullopt;  // an unknown critical chunk: the decoder would need it
    }
    pos += 12 + len;
    if (std::memcmp(type, "IEND", 4) == 0) return out;
  }
}

}  // namespace detail

StoredPhoto sanitize_for_storage(const std::vector<std::uint8_t>& original, const ImportedPhoto& photo) {
  // Cheap next to the decode that produced `photo`, and it makes "the bytes it was imported
  // from" a checked precondition instead of a silent mix-up of two photos.
  if (sha256_hex(original.data(), original.size()) != photo.sha256)
    throw Error(ErrorCode::InvalidArgument, "sanitize_for_storage: the bytes are not the ones the photo was imported from");
  StoredPhoto out;
  std::optional<Bytes> filtered;
  if (photo.format == ImageFormat::Jpeg) {
    filtered = detail::filter_jpeg(original.data(), original.size(), photo.orientation);
  } else if (photo.format == ImageFormat::Png && photo.orientation == 1) {
    // An eXIf orientation cannot be kept without keeping eXIf; such a PNG is re-encoded.
    filtered = detail::filter_png(original.data(), original.size());
  }
  if (filtered && same_structure(*filtered, photo)) {
    out.bytes = std::move(*filtered);
    return out;
  }
  // WebP, TIFF, BMP, oriented PNG, or a structure the filters do not rewrite: the decoded,
  // oriented pixels, losslessly, with no metadata at all.
  out.bytes = encode_png(photo.image);
  out.reencoded = true;
  return out;
}

}  // namespace rashisa::media
