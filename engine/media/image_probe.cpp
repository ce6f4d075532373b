#include "engine/media/image_probe_p.h"

#include <algorithm>
#include <cstring>
#include <string>

// Ref: ITU T.81 Annex B (JPEG marker syntax); PNG spec 1.2 §3-4 (chunks, IHDR); RFC 9649
// (WebP RIFF container, VP8/VP8L/VP8X headers); TIFF 6.0 §2 (IFD layout); Microsoft BMP
// BITMAPINFOHEADER. Every read is bounds-checked against `size` first.

namespace rashisa::media::detail {
namespace {

using u8 = std::uint8_t;

[[noreturn]] void fail(MediaFault fault, const std::string& what) { throw MediaError(fault, what); }

const char* const kConvert = "export or save it as JPEG or PNG and import that file";

std::uint32_t be16(const u8* p) { return (std::uint32_t(p[0]) << 8) | p[1]; }
std::uint32_t be32(const u8* p) { return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3]; }
std::uint32_t le16(const u8* p) { return (std::uint32_t(p[1]) << 8) | p[0]; }
std::uint32_t le24(const u8* p) { return (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0]; }
std::uint32_t le32(const u8* p) { return (std::uint32_t(p[3]) << 24) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[1]) << 8) | p[0]; }

bool starts_with(const u8* d, std::size_t n, const char* magic, std::size_t len, std::size_t at = 0) {
  return n >= at + len && std::memcmp(d + at, magic, len) == 0;
}

void check_limits(std::int64_t w, std::int64_t h, const ImportLimits& limits) {
  if (w <= 0 || h <= 0) fail(MediaFault::Corrupt, "its header gives an image size of zero");
  if (w > limits.max_side || h > limits.max_side || w * h > limits.max_pixels)
    fail(MediaFault::TooLarge, "its header claims " + std::to_string(w) + " x " + std::to_string(h) +
                                   " pixels, more than Rashisa accepts (" + std::to_string(limits.max_side) +
                                   " pixels per side, " + std::to_string(limits.max_pixels / 1000000) +
                                   " megapixels); scale it down and import it again");
}

// ---------------------------------------------------------------- foreign formats
// Images we recognise but do not read. Checked before the allow-list so the user gets advice
// instead of "not an image".
void reject_foreign(const u8* d, std::size_t n) {
  auto unsupported = [](const std::string& kind) {
    fail(MediaFault::Unsupported, "it is " + kind + ", which Rashisa cannot read; " + kConvert);
  };
  if (starts_with(d, n, "GIF87a", 6) || starts_with(d, n, "GIF89a", 6)) unsupported("a GIF image");
  if (starts_with(d, n, "8BPS", 4)) unsupported("a Photoshop document (PSD)");
  if (starts_with(d, n, "ftyp", 4, 4) && n >= 12) {
    const std::string brand(reinterpret_cast<const char*>(d + 8), 4);
    if (brand == "heic" || brand == "heix" || brand == "hevc" || brand == "hevx" || brand == "heim" ||
        brand == "heis" || brand == "mif1" || brand == "msf1")
      fail(MediaFault::Unsupported,
           "it is a HEIC/HEIF photo, which Rashisa cannot read yet; " + std::string(kConvert) +
               " (on an iPhone: Settings > Camera > Formats > Most Compatible)");
    if (brand == "avif" || brand == "avis") unsupported("an AVIF image");
    if (brand == "crx ") unsupported("a Canon RAW file (CR3)");
    fail(MediaFault::NotAnImage, "it looks like a video or other media file, not a photo");
  }
  if (starts_with(d, n, "\xff\x0a", 2) || starts_with(d, n, "\0\0\0\x0cJXL \r\n\x87\n", 12)) unsupported("a JPEG XL image");
  if (starts_with(d, n, "\0\0\0\x0cjP  \r\n\x87\n", 12) || starts_with(d, n, "\xff\x4f\xff\x51", 4))
    unsupported("a JPEG 2000 image");
  if (starts_with(d, n, "II\x1a\0\0\0HEAPCCDR", 14)) unsupported("a Canon RAW file (CRW)");
  if (starts_with(d, n, "FUJIFILMCCD-RAW", 15)) unsupported("a Fujifilm RAW file (RAF)");
  if (starts_with(d, n, "IIRO", 4) || starts_with(d, n, "IIRS", 4) || starts_with(d, n, "MMOR", 4))
    unsupported("an Olympus RAW file (ORF)");
  if (starts_with(d, n, "IIU\0", 4)) unsupported("a Panasonic RAW file (RW2)");
  if (starts_with(d, n, "FOVb", 4)) unsupported("a Sigma RAW file (X3F)");
  if (starts_with(d, n, "\0MRM", 4)) unsupported("a Minolta RAW file (MRW)");
  if (starts_with(d, n, "\x76\x2f\x31\x01", 4)) unsupported("an OpenEXR image");
  if (starts_with(d, n, "#?RADIANCE", 10) || starts_with(d, n, "#?RGBE", 6)) unsupported("a Radiance HDR image");
  if (starts_with(d, n, "qoif", 4)) unsupported("a QOI image");
  if (starts_with(d, n, "DDS ", 4)) unsupported("a DDS texture");
  if (starts_with(d, n, "\0\0\1\0", 4) && n >= 6 && d[4] != 0) unsupported("an icon (ICO)");
  if (n >= 3 && d[0] == 'P' && d[1] >= '1' && d[1] <= '7' && (d[2] == ' ' || d[2] == '\n' || d[2] == '\r' || d[2] == '\t'))
    unsupported("a PNM/PPM image");
  if (starts_with(d, n, "%PDF", 4)) unsupported("a PDF document");
  if (starts_with(d, n, "%!PS", 4) || starts_with(d, n, "\xc5\xd0\xd3\xc6", 4)) unsupported("a PostScript/EPS file");
  if (starts_with(d, n, "<svg", 4) || starts_with(d, n, "<?xml", 5)) unsupported("a vector or XML file (SVG?)");
}

// ---------------------------------------------------------------- JPEG
bool is_sof(unsigned m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

ProbeResult probe_jpeg(const u8* d, std::size_t n, const ImportLimits& limits) {
  ProbeResult r;
  r.format = ImageFormat::Jpeg;
  std::size_t pos = 2;
  bool sof = false, sos = false;
  for (;;) {
    if (pos >= n) fail(MediaFault::Truncated, "the file ends before the image data does");
    if (d[pos] != 0xFF) fail(MediaFault::Corrupt, "its JPEG structure is damaged");
    while (pos < n && d[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= n) fail(MediaFault::Truncated, "the file ends before the image data does");
    const unsigned m = d[pos++];
    if (m == 0xD9) {  // EOI: bytes after it (e.g. multi-picture secondary images) are ignored
      if (!sof || !sos) fail(MediaFault::Corrupt, "it has no image data");
      return r;
    }
    if (m == 0xD8 || m == 0x00) fail(MediaFault::Corrupt, "its JPEG structure is damaged");
    if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) continue;  // stand-alone markers
    if (pos + 2 > n) fail(MediaFault::Truncated, "the file ends before the image data does");
    const std::size_t len = be16(d + pos);
    if (len < 2) fail(MediaFault::Corrupt, "its JPEG structure is damaged");
    if (pos + len > n) fail(MediaFault::Truncated, "the file ends before the image data does");
    const u8* seg = d + pos + 2;
    const std::size_t seg_len = len - 2;
    if (m == 0xF7) fail(MediaFault::Unsupported, std::string("it is a JPEG-LS image, which Rashisa cannot read; ") + kConvert);
    if (is_sof(m) && !sof) {
      if (seg_len < 6) fail(MediaFault::Corrupt, "its JPEG frame header is damaged");
      if (m == 0xC3 || m == 0xC7 || m == 0xCB || m == 0xCF)
        fail(MediaFault::Unsupported, std::string("it is a lossless JPEG, which Rashisa cannot read; ") + kConvert);
      if ((m >= 0xC5 && m <= 0xC7) || (m >= 0xCD && m <= 0xCF))
        fail(MediaFault::Unsupported, std::string("it is a hierarchical JPEG, which Rashisa cannot read; ") + kConvert);
      if (seg[0] != 8)
        fail(MediaFault::Unsupported, "it is a " + std::to_string(seg[0]) + "-bit JPEG, which Rashisa cannot read; " + kConvert);
      r.height = static_cast<int>(be16(seg + 1));
      r.width = static_cast<int>(be16(seg + 3));
      r.components = seg[5];
      if (r.height == 0) fail(MediaFault::Unsupported, std::string("its height is only given after the image data (DNL); ") + kConvert);
      check_limits(r.width, r.height, limits);
      if (r.components != 1 && r.components != 3 && r.components != 4)
        fail(MediaFault::Unsupported, "it has " + std::to_string(r.components) + " colour components; " + kConvert);
      sof = true;
    } else if (m == 0xE1 && !r.exif && seg_len > 6 && std::memcmp(seg, "Exif\0", 5) == 0) {
      r.exif = seg + 6;
      r.exif_size = seg_len - 6;
    }
    pos += len;
    if (m == 0xDA) {
      if (!sof) fail(MediaFault::Corrupt, "its image data starts before its frame header");
      sos = true;
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing), RSTn or fill; anything else
      // is the next marker.
      for (;;) {
        const void* ff = pos < n ? std::memchr(d + pos, 0xFF, n - pos) : nullptr;
        if (!ff) fail(MediaFault::Truncated, "the file ends before the image data does");
        pos = static_cast<std::size_t>(static_cast<const u8*>(ff) - d);
        if (pos + 1 >= n) fail(MediaFault::Truncated, "the file ends before the image data does");
        const unsigned next = d[pos + 1];
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          pos += 2;
        } else if (next == 0xFF) {
          pos += 1;
        } else {
          break;
        }
      }
    }
  }
}

// ---------------------------------------------------------------- PNG
ProbeResult probe_png(const u8* d, std::size_t n, const ImportLimits& limits) {
  ProbeResult r;
  r.format = ImageFormat::Png;
  if (n < 8 + 8 + 13) fail(MediaFault::Truncated, "the file ends before its header does");
  if (be32(d + 8) != 13 || std::memcmp(d + 12, "IHDR", 4) != 0) fail(MediaFault::Corrupt, "its PNG header is damaged");
  const std::int64_t w = be32(d + 16), h = be32(d + 20);
  check_limits(w, h, limits);
  r.width = static_cast<int>(w);
  r.height = static_cast<int>(h);
  std::size_t pos = 8;
  bool idat = false;
  while (pos + 8 <= n) {
    const std::uint64_t len = be32(d + pos);
    const u8* type = d + pos + 4;
    if (len > 0x7FFFFFFFu) fail(MediaFault::Corrupt, "its PNG structure is damaged");
    if (pos + 12 + len > n) fail(MediaFault::Truncated, "the file ends before the image data does");
    if (std::memcmp(type, "IEND", 4) == 0) {
      if (!idat) fail(MediaFault::Corrupt, "it has no image data");
      return r;
    }
    if (std::memcmp(type, "IDAT", 4) == 0) idat = true;
    if (std::memcmp(type, "acTL", 4) == 0) r.multi_frame = true;
    if (std::memcmp(type, "eXIf", 4) == 0 && !r.exif) {
      r.exif = d + pos + 8;
      r.exif_size = static_cast<std::size_t>(len);
      if (r.exif_size >= 6 && std::memcmp(r.exif, "Exif\0\0", 6) == 0) {  // some writers keep the JPEG prefix
        r.exif += 6;
        r.exif_size -= 6;
      }
    }
    pos += 12 + static_cast<std::size_t>(len);
  }
  fail(MediaFault::Truncated, "the file ends before the image data does");
}

// ---------------------------------------------------------------- WebP
ProbeResult probe_webp(const u8* d, std::size_t n, const ImportLimits& limits) {
  ProbeResult r;
  r.format = ImageFormat::Webp;
  const std::uint64_t end = 8 + std::uint64_t(le32(d + 4));
  if (end < 12 + 8) fail(MediaFault::Corrupt, "its WebP structure is damaged");
  if (end > n) fail(MediaFault::Truncated, "the file ends before the image data does");
  std::size_t pos = 12;
  std::int64_t cw = 0, ch = 0, fw = 0, fh = 0;
  bool animated = false, bitstream = false;
  while (pos + 8 <= end) {
    const u8* tag = d + pos;
    const std::uint64_t len = le32(d + pos + 4);
    const u8* p = d + pos + 8;
    if (pos + 8 + len > end) fail(MediaFault::Truncated, "the file ends before the image data does");
    if (std::memcmp(tag, "VP8X", 4) == 0 && len >= 10) {
      animated = animated || (p[0] & 0x02);
      cw = std::int64_t(le24(p + 4)) + 1;
      ch = std::int64_t(le24(p + 7)) + 1;
    } else if (std::memcmp(tag, "VP8 ", 4) == 0 && !bitstream) {
      if (len < 10 || p[3] != 0x9d || p[4] != 0x01 || p[5] != 0x2a) fail(MediaFault::Corrupt, "its WebP image data is damaged");
      fw = le16(p + 6) & 0x3FFF;
      fh = le16(p + 8) & 0x3FFF;
      bitstream = true;
    } else if (std::memcmp(tag, "VP8L", 4) == 0 && !bitstream) {
      if (len < 5 || p[0] != 0x2f) fail(MediaFault::Corrupt, "its WebP image data is damaged");
      const std::uint32_t bits = le32(p + 1);
      fw = (bits & 0x3FFF) + 1;
      fh = ((bits >> 14) & 0x3FFF) + 1;
      bitstream = true;
    } else if (std::memcmp(tag, "ANIM", 4) == 0 || std::memcmp(tag, "ANMF", 4) == 0) {
      animated = true;
    } else if (std::memcmp(tag, "EXIF", 4) == 0 && !r.exif) {
      r.exif = p;
      r.exif_size = static_cast<std::size_t>(len);
      if (r.exif_size >= 6 && std::memcmp(p, "Exif\0\0", 6) == 0) {  // some writers keep the JPEG prefix
        r.exif += 6;
        r.exif_size -= 6;
      }
    }
    pos += 8 + static_cast<std::size_t>(len) + (len & 1);
  }
  if (animated) fail(MediaFault::Unsupported, std::string("it is an animated WebP; ") + kConvert + " (one frame)");
  if (cw || fw) check_limits(cw ? cw : fw, ch ? ch : fh, limits);
  if (!bitstream) fail(MediaFault::Corrupt, "it has no image data");
  r.width = static_cast<int>(cw ? cw : fw);
  r.height = static_cast<int>(ch ? ch : fh);
  return r;
}

// ---------------------------------------------------------------- TIFF
struct TiffReader {
  const u8* d;
  std::size_t n;
  bool le;
  std::uint32_t u16(std::size_t at) const { return le ? le16(d + at) : be16(d + at); }
  std::uint32_t u32(std::size_t at) const { return le ? le32(d + at) : be32(d + at); }
  // Value i of an entry of type SHORT(3) or LONG(4); false when out of the file.
  bool value(std::size_t entry, std::uint64_t i, std::uint64_t* out) const {
    const std::uint32_t type = u16(entry + 2), count = u32(entry + 4);
    if ((type != 3 && type != 4) || i >= count) return false;
    const std::uint64_t width = type == 3 ? 2 : 4;
    std::uint64_t at = entry + 8;
    if (width * count > 4) at = u32(entry + 8);
    at += i * width;
    if (at + width > n) return false;
    *out = type == 3 ? u16(static_cast<std::size_t>(at)) : u32(static_cast<std::size_t>(at));
    return true;
  }
};

ProbeResult probe_tiff(const u8* d, std::size_t n, const ImportLimits& limits) {
  ProbeResult r;
  r.format = ImageFormat::Tiff;
  const TiffReader t{d, n, d[0] == 'I'};
  if (n < 8) fail(MediaFault::Truncated, "the file ends before its header does");
  if (t.u16(2) == 43) fail(MediaFault::Unsupported, std::string("it is a BigTIFF file, which Rashisa cannot read; ") + kConvert);
  if (starts_with(d, n, "CR\x02\0", 4, 8)) fail(MediaFault::Unsupported, std::string("it is a Canon RAW file (CR2); ") + kConvert);
  const std::uint64_t ifd = t.u32(4);
  if (ifd < 8 || ifd + 2 > n) fail(ifd < 8 ? MediaFault::Corrupt : MediaFault::Truncated, "its TIFF header is damaged");
  const std::uint64_t count = t.u16(static_cast<std::size_t>(ifd));
  if (ifd + 2 + 12 * count + 4 > n) fail(MediaFault::Truncated, "the file ends before its header does");
  std::int64_t w = 0, h = 0;
  std::size_t offsets = 0, counts = 0;
  bool raw = false;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::size_t e = static_cast<std::size_t>(ifd + 2 + 12 * i);
    const std::uint32_t tag = t.u16(e);
    std::uint64_t v = 0;
    switch (tag) {
      case 256: if (t.value(e, 0, &v)) w = static_cast<std::int64_t>(v); break;
      case 257: if (t.value(e, 0, &v)) h = static_cast<std::int64_t>(v); break;
      case 254: if (t.value(e, 0, &v) && (v & 1)) raw = true; break;  // IFD0 is a reduced preview
      case 330: raw = true; break;                                     // SubIFDs hold the real image
      case 50706: raw = true; break;                                   // DNGVersion
      case 259:
        if (t.value(e, 0, &v) && (v == 32767 || v == 32769 || v == 32770 || v == 34713 || v == 34892 || v == 65000 || v == 65535))
          raw = true;
        break;
      case 274: if (t.u16(e + 2) == 3 && t.u32(e + 4) == 1) r.tiff_orientation_at = e + 8; break;
      case 273: case 324: offsets = e; break;
      case 279: case 325: counts = e; break;
      default: break;
    }
    // Out-of-line values must lie inside the file (libtiff fails on them otherwise).
    static const std::uint8_t kTypeSize[] = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};
    const std::uint32_t type = t.u16(e + 2);
    if (type < sizeof kTypeSize) {
      const std::uint64_t bytes = std::uint64_t(kTypeSize[type]) * t.u32(e + 4);
      if (bytes > 4 && t.u32(e + 8) + bytes > n) fail(MediaFault::Truncated, "the file ends before its header does");
    }
  }
  if (raw) fail(MediaFault::Unsupported, std::string("it is a camera RAW file; ") + kConvert + " from your camera or photo software");
  if (w == 0 || h == 0) fail(MediaFault::Corrupt, "its TIFF header has no image size");
  check_limits(w, h, limits);
  r.width = static_cast<int>(w);
  r.height = static_cast<int>(h);
  if (!offsets || !counts) fail(MediaFault::Corrupt, "its TIFF header does not say where the image data is");
  const std::uint64_t pieces = t.u32(offsets + 4);
  if (pieces == 0 || pieces != t.u32(counts + 4)) fail(MediaFault::Corrupt, "its TIFF header is damaged");
  for (std::uint64_t i = 0; i < pieces; ++i) {
    std::uint64_t off = 0, len = 0;
    if (!t.value(offsets, i, &off) || !t.value(counts, i, &len)) fail(MediaFault::Truncated, "the file ends before its header does");
    if (off + len > n) fail(MediaFault::Truncated, "the file ends before the image data does");
  }
  r.multi_frame = t.u32(static_cast<std::size_t>(ifd + 2 + 12 * count)) != 0;
  r.exif = d;
  r.exif_size = n;
  return r;
}

// ---------------------------------------------------------------- BMP
ProbeResult probe_bmp(const u8* d, std::size_t n, const ImportLimits& limits) {
  ProbeResult r;
  r.format = ImageFormat::Bmp;
  if (n < 26) fail(MediaFault::Truncated, "the file ends before its header does");
  const std::uint64_t bits_at = le32(d + 10), dib = le32(14 + d);
  std::int64_t w = 0, h = 0;
  std::uint32_t bpp = 0, compression = 0;
  if (dib == 12) {
    w = le16(d + 18);
    h = le16(d + 20);
    bpp = le16(d + 24);
  } else if (dib >= 16 && dib <= 124) {
    if (n < 14 + std::min<std::uint64_t>(dib, 40)) fail(MediaFault::Truncated, "the file ends before its header does");
    w = static_cast<std::int32_t>(le32(d + 18));
    h = static_cast<std::int32_t>(le32(d + 22));
    bpp = le16(d + 28);
    if (dib >= 20) compression = le32(d + 30);
  } else {
    fail(MediaFault::Corrupt, "its BMP header is damaged");
  }
  if (h < 0) h = -h;  // top-down rows
  check_limits(w, h, limits);
  r.width = static_cast<int>(w);
  r.height = static_cast<int>(h);
  if (compression == 4 || compression == 5) fail(MediaFault::Unsupported, std::string("it is a BMP holding JPEG/PNG data; ") + kConvert);
  if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32) fail(MediaFault::Corrupt, "its BMP header is damaged");
  if (compression == 0 || compression == 3 || compression == 6) {
    const std::uint64_t stride = ((std::uint64_t(w) * bpp + 31) / 32) * 4;
    if (bits_at + stride * std::uint64_t(h) > n) fail(MediaFault::Truncated, "the file ends before the image data does");
  }
  return r;
}

}  // namespace

ProbeResult probe_image(const std::uint8_t* data, std::size_t size, const ImportLimits& limits) {
  if (size == 0 || !data) fail(MediaFault::Empty, "the file is empty (0 bytes)");
  if (size > limits.max_bytes)
    fail(MediaFault::TooLarge, "the file is " + std::to_string(size >> 20) + " MB, more than Rashisa accepts (" +
                                   std::to_string(limits.max_bytes >> 20) + " MB); scale it down and import it again");
  if (starts_with(data, size, "\xff\xd8\xff", 3)) return probe_jpeg(data, size, limits);
  if (starts_with(data, size, "\x89PNG\r\n\x1a\n", 8)) return probe_png(data, size, limits);
  if (starts_with(data, size, "RIFF", 4) && starts_with(data, size, "WEBP", 4, 8) && size >= 12) return probe_webp(data, size, limits);
  if ((starts_with(data, size, "II*\0", 4) || starts_with(data, size, "MM\0*", 4) ||
       starts_with(data, size, "II+\0", 4) || starts_with(data, size, "MM\0+", 4)))
    return probe_tiff(data, size, limits);
  reject_foreign(data, size);
  if (starts_with(data, size, "BM", 2) && size >= 18) return probe_bmp(data, size, limits);
  fail(MediaFault::NotAnImage, "it is not a photo (no JPEG, PNG, WebP, TIFF or BMP signature); choose a JPEG or PNG photo");
}

int exif_orientation(const std::uint8_t* d, std::size_t n) {
  if (!d || n < 8) return 1;
  const bool le = d[0] == 'I' && d[1] == 'I';
  if (!le && !(d[0] == 'M' && d[1] == 'M')) return 1;
  const TiffReader t{d, n, le};
  if (t.u16(2) != 42) return 1;
  const std::uint64_t ifd = t.u32(4);
  if (ifd + 2 > n) return 1;
  const std::uint64_t count = t.u16(static_cast<std::size_t>(ifd));
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t e = ifd + 2 + 12 * i;
    if (e + 12 > n) break;
    if (t.u16(static_cast<std::size_t>(e)) != 0x0112) continue;
    std::uint64_t v = 0;
    if (!t.value(static_cast<std::size_t>(e), 0, &v)) return 1;  // SHORT per the spec; LONG tolerated
    return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
  }
  return 1;
}

}  // namespace rashisa::media::detail
