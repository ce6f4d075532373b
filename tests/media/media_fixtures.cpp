#include "media_fixtures.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace rashisa::media::testing {
namespace {

void put_be16(Bytes& b, unsigned v) {
  b.push_back(static_cast<std::uint8_t>(v >> 8));
  b.push_back(static_cast<std::uint8_t>(v));
}
void put_be32(Bytes& b, std::uint32_t v) {
  put_be16(b, v >> 16);
  put_be16(b, v & 0xFFFF);
}
void put_le16(Bytes& b, unsigned v) {
  b.push_back(static_cast<std::uint8_t>(v));
  b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put_le32(Bytes& b, std::uint32_t v) {
  put_le16(b, v & 0xFFFF);
  put_le16(b, v >> 16);
}
void put_str(Bytes& b, const char* s, std::size_t n) { b.insert(b.end(), s, s + n); }
std::uint32_t get_le16(const Bytes& b, std::size_t at) { return b[at] | (b[at + 1] << 8); }
std::uint32_t get_le32(const Bytes& b, std::size_t at) { return get_le16(b, at) | (get_le16(b, at + 2) << 16); }
void set_le32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t crc32(const std::uint8_t* p, std::size_t n) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::size_t i = 0; i < n; ++i) c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// MSB-first bit writer with JPEG byte stuffing.
struct BitWriter {
  Bytes& out;
  std::uint32_t acc = 0;
  int n = 0;
  void put(std::uint32_t bits, int len) {
    for (int i = len - 1; i >= 0; --i) {
      acc = (acc << 1) | ((bits >> i) & 1);
      if (++n == 8) flush_byte();
    }
  }
  void flush_byte() {
    out.push_back(static_cast<std::uint8_t>(acc));
    if (acc == 0xFF) out.push_back(0x00);
    acc = 0;
    n = 0;
  }
  void finish() {
    while (n != 0) put(1, 1);
  }
};

}  // namespace

cv::Mat pattern_bgr(int width, int height, int seed) {
  cv::Mat m(height, width, CV_8UC3);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      m.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<std::uint8_t>((x * 255) / std::max(1, width - 1)),
                                        static_cast<std::uint8_t>((y * 255) / std::max(1, height - 1)),
                                        static_cast<std::uint8_t>(((x / 4 + y / 3 + seed) % 5) * 60));
  // A block near the top-left corner breaks every symmetry.
  cv::rectangle(m, cv::Rect(1, 1, std::max(1, width / 5), std::max(1, height / 7)), cv::Scalar(20, 220, 40), cv::FILLED);
  return m;
}

Bytes encode(const cv::Mat& image, const std::string& ext, const std::vector<int>& params) {
  Bytes out;
  if (!cv::imencode(ext, image, out, params)) throw std::runtime_error("OpenCV cannot encode " + ext);
  return out;
}

Bytes exif_block(int orientation, bool le) {
  Bytes b;
  auto u16 = [&](unsigned v) { le ? put_le16(b, v) : put_be16(b, v); };
  auto u32 = [&](std::uint32_t v) { le ? put_le32(b, v) : put_be32(b, v); };
  put_str(b, le ? "II" : "MM", 2);
  u16(42);
  u32(8);
  u16(1);            // one entry
  u16(0x0112);       // Orientation
  u16(3);            // SHORT
  u32(1);
  u16(static_cast<unsigned>(orientation));
  u16(0);            // padding of the 4-byte value field
  u32(0);            // no next IFD
  return b;
}

Bytes jpeg_with_app1(const Bytes& jpeg, const Bytes& tiff) {
  Bytes out(jpeg.begin(), jpeg.begin() + 2);
  out.push_back(0xFF);
  out.push_back(0xE1);
  put_be16(out, static_cast<unsigned>(2 + 6 + tiff.size()));
  put_str(out, "Exif\0\0", 6);
  out.insert(out.end(), tiff.begin(), tiff.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

Bytes png_chunk(const char type[4], const Bytes& data) {
  Bytes c;
  put_be32(c, static_cast<std::uint32_t>(data.size()));
  put_str(c, type, 4);
  c.insert(c.end(), data.begin(), data.end());
  put_be32(c, crc32(c.data() + 4, data.size() + 4));
  return c;
}

Bytes png_with_chunk(const Bytes& png, const char type[4], const Bytes& data) {
  const std::size_t after_ihdr = 8 + 12 + 13;
  Bytes out(png.begin(), png.begin() + after_ihdr);
  const Bytes c = png_chunk(type, data);
  out.insert(out.end(), c.begin(), c.end());
  out.insert(out.end(), png.begin() + after_ihdr, png.end());
  return out;
}

Bytes webp_with_exif(const Bytes& webp, int width, int height, const Bytes& tiff) {
  Bytes body;
  put_str(body, "WEBP", 4);
  put_str(body, "VP8X", 4);
  put_le32(body, 10);
  body.push_back(0x08);  // EXIF present
  body.insert(body.end(), 3, 0);
  for (int v : {width - 1, height - 1})
    for (int i = 0; i < 3; ++i) body.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  body.insert(body.end(), webp.begin() + 12, webp.end());
  put_str(body, "EXIF", 4);
  put_le32(body, static_cast<std::uint32_t>(tiff.size()));
  body.insert(body.end(), tiff.begin(), tiff.end());
  if (tiff.size() & 1) body.push_back(0);
  Bytes out;
  put_str(out, "RIFF", 4);
  put_le32(out, static_cast<std::uint32_t>(body.size()));
  out.insert(out.end(), body.begin(), body.end());
  return out;
}

Bytes tiff_with_orientation(const Bytes& tiff, int orientation) {
  if (tiff.size() < 8 || tiff[0] != 'I') throw std::runtime_error("expected a little-endian TIFF");
  const std::uint32_t ifd = get_le32(tiff, 4);
  const std::uint32_t n = get_le16(tiff, ifd);
  std::vector<Bytes> entries;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto* e = tiff.data() + ifd + 2 + 12 * i;
    entries.emplace_back(e, e + 12);
  }
  Bytes o;
  put_le16(o, 274);
  put_le16(o, 3);
  put_le32(o, 1);
  put_le16(o, static_cast<unsigned>(orientation));
  put_le16(o, 0);
  entries.push_back(o);
  std::sort(entries.begin(), entries.end(), [](const Bytes& a, const Bytes& b) { return get_le16(a, 0) < get_le16(b, 0); });
  Bytes out = tiff;
  if (out.size() & 1) out.push_back(0);
  set_le32(out, 4, static_cast<std::uint32_t>(out.size()));
  put_le16(out, static_cast<unsigned>(entries.size()));
  for (const auto& e : entries) out.insert(out.end(), e.begin(), e.end());
  put_le32(out, get_le32(tiff, ifd + 2 + 12 * n));
  return out;
}

Bytes cmyk_jpeg(int bx, int by, const std::vector<std::uint8_t>& cmyk) {
  Bytes out = {0xFF, 0xD8};
  // APP14 "Adobe", version 100, flags 0/0, transform 0 (CMYK stored as is, Adobe-inverted).
  out.insert(out.end(), {0xFF, 0xEE});
  put_be16(out, 14);
  put_str(out, "Adobe", 5);
  put_be16(out, 100);
  put_be16(out, 0);
  put_be16(out, 0);
  out.push_back(0);
  // One quantisation table of 8s: a flat block of value v has DC coefficient 8*(v-128), which
  // quantises to exactly v-128.
  out.insert(out.end(), {0xFF, 0xDB});
  put_be16(out, 2 + 1 + 64);
  out.push_back(0x00);
  out.insert(out.end(), 64, 8);
  // SOF0: 8-bit, 4 components, no subsampling.
  out.insert(out.end(), {0xFF, 0xC0});
  put_be16(out, 8 + 3 * 4);
  out.push_back(8);
  put_be16(out, static_cast<unsigned>(8 * by));
  put_be16(out, static_cast<unsigned>(8 * bx));
  out.push_back(4);
  for (int c = 1; c <= 4; ++c) out.insert(out.end(), {static_cast<std::uint8_t>(c), 0x11, 0x00});
  // DHT: ITU T.81 Table K.3 (luminance DC), and an AC table holding only EOB (code "0").
  const std::uint8_t dc_bits[16] = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
  out.insert(out.end(), {0xFF, 0xC4});
  put_be16(out, 2 + 17 + 12 + 17 + 1);
  out.push_back(0x00);
  out.insert(out.end(), dc_bits, dc_bits + 16);
  for (int v = 0; v < 12; ++v) out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(0x10);
  out.push_back(1);
  out.insert(out.end(), 15, 0);
  out.push_back(0x00);
  // Canonical codes of the DC table.
  std::array<std::uint32_t, 12> code{};
  std::array<int, 12> len{};
  {
    std::uint32_t c = 0;
    int sym = 0;
    for (int l = 1; l <= 16; ++l) {
      for (int k = 0; k < dc_bits[l - 1]; ++k, ++sym) {
        code[sym] = c++;
        len[sym] = l;
      }
      c <<= 1;
    }
  }
  // SOS over all four components.
  out.insert(out.end(), {0xFF, 0xDA});
  put_be16(out, 6 + 2 * 4);
  out.push_back(4);
  for (int c = 1; c <= 4; ++c) out.insert(out.end(), {static_cast<std::uint8_t>(c), 0x00});
  out.insert(out.end(), {0, 63, 0});
  BitWriter bw{out};
  int pred[4] = {0, 0, 0, 0};
  for (int y = 0; y < by; ++y) {
    for (int x = 0; x < bx; ++x) {
      for (int c = 0; c < 4; ++c) {
        const int dc = cmyk[static_cast<std::size_t>((y * bx + x) * 4 + c)] - 128;
        const int diff = dc - pred[c];
        pred[c] = dc;
        int s = 0;
        for (int a = diff < 0 ? -diff : diff; a; a >>= 1) ++s;
        bw.put(code[s], len[s]);
        if (s) bw.put(static_cast<std::uint32_t>(diff >= 0 ? diff : diff + (1 << s) - 1), s);
        bw.put(0, 1);  // EOB
      }
    }
  }
  bw.finish();
  out.insert(out.end(), {0xFF, 0xD9});
  return out;
}

RgbImage oriented_reference(const RgbImage& s, int o) {
  const int W = s.width, H = s.height;
  const bool swap = o >= 5 && o <= 8;
  RgbImage d;
  d.width = swap ? H : W;
  d.height = swap ? W : H;
  d.pixels.resize(s.pixels.size());
  for (int y = 0; y < d.height; ++y) {
    for (int x = 0; x < d.width; ++x) {
      int sx = x, sy = y;  // display (x, y) shows stored (sx, sy)
      switch (o) {
        case 2: sx = W - 1 - x; break;
        case 3: sx = W - 1 - x; sy = H - 1 - y; break;
        case 4: sy = H - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = H - 1 - x; break;
        case 7: sx = W - 1 - y; sy = H - 1 - x; break;
        case 8: sx = W - 1 - y; sy = x; break;
        default: break;
      }
      std::memcpy(d.pixels.data() + (static_cast<std::size_t>(y) * d.width + x) * 3, px(s, sx, sy), 3);
    }
  }
  return d;
}

RgbImage from_bgr(const cv::Mat& bgr) {
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  RgbImage out;
  out.width = rgb.cols;
  out.height = rgb.rows;
  out.pixels.assign(rgb.data, rgb.data + rgb.total() * 3);
  return out;
}

bool contains_bytes(const Bytes& hay, const std::string& needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

}  // namespace rashisa::media::testing
