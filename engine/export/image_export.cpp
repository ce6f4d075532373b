#include "engine/export/image_export.h"

#include "engine/core/error.h"
#include "engine/core/space_advice.h"
#include "engine/export/exiv2_export_p.h"
#include "engine/platform/platform.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <array>
#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <locale>
#include <sstream>

namespace rashisa::exporting {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void write_error(const std::string& message) { throw Error(ErrorCode::FileWrite, message); }

std::string a1111_sampler(const std::string& s) {
  if (s == "dpmpp-2m") return "DPM++ 2M";
  if (s == "dpmpp-2m-karras") return "DPM++ 2M Karras";
  if (s == "euler") return "Euler";
  if (s == "ddim") return "DDIM";
  if (s == "pndm") return "PLMS";  // diffusers' PNDM with skip_prk_steps is PLMS
  return s;
}

// Python's repr of a float, as A1111 prints "CFG scale: 7.0".
std::string python_float(double v) {
  for (int p = 1; p <= 17; ++p) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s.precision(p);
    s << v;
    if (std::stod(s.str()) == v) {
      std::string t = s.str();
      if (t.find_first_of(".eEn") == std::string::npos) t += ".0";
      return t;
    }
  }
  return std::to_string(v);
}

bool is_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// ---------------------------------------------------------------- PNG chunks

std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  crc = ~crc;
  for (std::size_t i = 0; i < n; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
}

std::uint32_t get_u32(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

constexpr std::uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

// "parameters" as A1111 writes it: tEXt (Latin-1) when possible, else uncompressed iTXt (UTF-8).
std::vector<std::uint8_t> parameters_chunk(const std::string& text) {
  const bool ascii = is_ascii(text);
  std::vector<std::uint8_t> body;
  const char* type = ascii ? "tEXt" : "iTXt";
  body.insert(body.end(), type, type + 4);
  const std::string key = "parameters";
  body.insert(body.end(), key.begin(), key.end());
  body.push_back(0);
  if (!ascii) {
    body.push_back(0);  // compression flag: none
    body.push_back(0);  // compression method
    body.push_back(0);  // language tag: empty
    body.push_back(0);  // translated keyword: empty
  }
  body.insert(body.end(), text.begin(), text.end());
  std::vector<std::uint8_t> chunk;
  put_u32(chunk, static_cast<std::uint32_t>(body.size() - 4));
  chunk.insert(chunk.end(), body.begin(), body.end());
  put_u32(chunk, crc32(body.data(), body.size()));
  return chunk;
}

// Inserts `chunk` right after IHDR, where readers that stop early still find it.
std::vector<std::uint8_t> insert_after_ihdr(const std::vector<std::uint8_t>& png, const std::vector<std::uint8_t>& chunk) {
  if (png.size() < 33 || std::memcmp(png.data(), kPngSignature, 8) != 0 || std::memcmp(png.data() + 12, "IHDR", 4) != 0)
    write_error("the PNG encoder produced unexpected bytes");
  const std::size_t end_of_ihdr = 8 + 12 + get_u32(png.data() + 8);
  std::vector<std::uint8_t> out(png.begin(), png.begin() + static_cast<std::ptrdiff_t>(end_of_ihdr));
  out.insert(out.end(), chunk.begin(), chunk.end());
  out.insert(out.end(), png.begin() + static_cast<std::ptrdiff_t>(end_of_ihdr), png.end());
  return out;
}

// The "parameters" text of a PNG (tEXt or uncompressed iTXt), empty if none.
std::string png_parameters(const std::vector<std::uint8_t>& png) {
  if (png.size() < 8 || std::memcmp(png.data(), kPngSignature, 8) != 0) return {};
  std::size_t pos = 8;
  while (pos + 12 <= png.size()) {
    const std::size_t len = get_u32(png.data() + pos);
    if (len > png.size() - pos - 12) break;
    const char* type = reinterpret_cast<const char*>(png.data() + pos + 4);
    const std::uint8_t* body = png.data() + pos + 8;
    const std::string data(reinterpret_cast<const char*>(body), len);
    if ((std::memcmp(type, "tEXt", 4) == 0 || std::memcmp(type, "iTXt", 4) == 0) &&
        data.compare(0, 11, std::string("parameters\0", 11)) == 0) {
      if (type[0] == 't') return data.substr(11);
      // iTXt: keyword\0 flag method lang\0 translated\0 text
      if (data.size() >= 13 && data[11] == 0) {
        const std::size_t lang_end = data.find('\0', 13);
        if (lang_end == std::string::npos) return {};
        const std::size_t tr_end = data.find('\0', lang_end + 1);
        if (tr_end == std::string::npos) return {};
        return data.substr(tr_end + 1);
      }
    }
    if (std::memcmp(type, "IEND", 4) == 0) break;
    pos += 12 + len;
  }
  return {};
}

// ---------------------------------------------------------------- encoding

cv::Mat bgr_of(const RgbImage& image) {
  if (image.width < 1 || image.height < 1 || image.width > 16384 || image.height > 16384)
    throw Error(ErrorCode::InvalidArgument, "the image size " + std::to_string(image.width) + "x" +
                                                std::to_string(image.height) + " is not exportable (1..16384 per side)");
  if (image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3)
    throw Error(ErrorCode::InvalidArgument, "the image buffer does not match its size (expected width*height*3 bytes)");
  const cv::Mat rgb(image.height, image.width, CV_8UC3, const_cast<std::uint8_t*>(image.pixels.data()));
  cv::Mat bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

std::vector<std::uint8_t> encode(const RgbImage& image, ExportFormat format, int jpeg_quality) {
  const cv::Mat bgr = bgr_of(image);
  std::vector<std::uint8_t> out;
  try {
    const bool ok = format == ExportFormat::Png
                        ? cv::imencode(".png", bgr, out, {cv::IMWRITE_PNG_COMPRESSION, 6})
                        : cv::imencode(".jpg", bgr, out, {cv::IMWRITE_JPEG_QUALITY, jpeg_quality});
    if (!ok || out.empty()) write_error("the image could not be encoded");
  } catch (const cv::Exception& e) {
    write_error(std::string("the image could not be encoded: ") + e.what());
  }
  return out;
}

// ---------------------------------------------------------------- atomic write

/// A full or read-only export folder: the message names it and the space this image needs.
void space_check(const platform::OsError& error, const fs::path& dir, std::size_t bytes) {
  if (error.fault == platform::OsFault::DiskFull)
    write_error(disk_full_advice(folder_of(dir / "x"), static_cast<std::int64_t>(bytes), "write this image") +
                " (" + error.message + ")");
  if (error.fault == platform::OsFault::ReadOnly)
    write_error(read_only_advice(folder_of(dir / "x"), "write images") + " (" + error.message + ")");
}

void write_atomically(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  static std::atomic<unsigned> counter{0};
  const fs::path dir = path.parent_path();
  const fs::path tmp = dir / fs::u8path("." + path.filename().u8string() + ".rashisa-tmp-" +
                                        std::to_string(platform::process_id()) + "-" + std::to_string(counter++));
  platform::OsError error;
  platform::File f = platform::File::open(tmp, platform::File::Mode::CreateNew, error);
  space_check(error, dir, bytes.size());
  if (error)
    write_error("could not create a file in '" + (dir.empty() ? std::string(".") : dir.u8string()) +
                "': " + error.message + " (check that the folder exists and is writable)");
  try {
    if ((error = f.write_all(bytes.data(), bytes.size())) || (error = f.sync()) || (error = f.close())) {
      space_check(error, dir, bytes.size());
      write_error("could not write '" + tmp.u8string() + "': " + error.message);
    }
    if ((error = platform::replace_file(tmp, path)))
      write_error("could not move the finished image to '" + path.u8string() + "': " + error.message);
  } catch (...) {
    f = platform::File();  // closed before the removal (Windows cannot remove an open file)
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw;
  }
  // Makes the rename itself durable; failure here does not undo a complete file.
  (void)platform::sync_directory(dir);
}

std::vector<std::uint8_t> read_file(const std::string& utf8_path) {
  const fs::path path = fs::u8path(utf8_path);
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(ErrorCode::FileNotFound, "'" + utf8_path + "' does not exist");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileRead, "cannot open '" + utf8_path + "'");
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0 || size > (std::streamoff(1) << 31)) throw Error(ErrorCode::FileRead, "cannot read '" + utf8_path + "'");
  in.seekg(0);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!in.read(reinterpret_cast<char*>(bytes.data()), size)) throw Error(ErrorCode::FileRead, "cannot read '" + utf8_path + "'");
  return bytes;
}

}  // namespace

std::string a1111_parameters(const ImageProvenance& p, int width, int height) {
  std::string out = p.prompt;
  if (!p.negative_prompt.empty()) out += "\nNegative prompt: " + p.negative_prompt;
  out += "\nSteps: " + std::to_string(p.steps) + ", Sampler: " + a1111_sampler(p.sampler) +
         ", CFG scale: " + python_float(p.guidance) + ", Seed: " + std::to_string(p.seed) +
         ", Size: " + std::to_string(width) + "x" + std::to_string(height);
  if (!p.base_model_hash.empty()) out += ", Model hash: " + p.base_model_hash.substr(0, 10);
  return out;
}

std::vector<std::uint8_t> export_bytes(const RgbImage& image, ExportFormat format, int jpeg_quality,
                                       const ImageProvenance& provenance) {
  if (format == ExportFormat::Jpeg && (jpeg_quality < 1 || jpeg_quality > 100))
    throw Error(ErrorCode::InvalidArgument, "JPEG quality must be between 1 and 100 (90-95 is usual)");
  try {
    const std::string parameters =
        provenance.include_prompts ? a1111_parameters(provenance, image.width, image.height) : std::string();
    std::vector<std::uint8_t> bytes = encode(image, format, jpeg_quality);
    bytes = detail::add_provenance(bytes, format, provenance, parameters);
    if (format == ExportFormat::Png && !parameters.empty()) bytes = insert_after_ihdr(bytes, parameters_chunk(parameters));
    return bytes;
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    write_error(std::string("could not export an image: ") + e.what());
  }
}

void export_image(const std::string& path, const RgbImage& image, ExportFormat format, int jpeg_quality,
                  const ImageProvenance& provenance) {
  if (path.empty()) throw Error(ErrorCode::InvalidArgument, "no file name to export to");
  const std::vector<std::uint8_t> bytes = export_bytes(image, format, jpeg_quality, provenance);
  try {
    write_atomically(fs::u8path(path), bytes);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    write_error("could not export '" + path + "': " + e.what());
  }
}

ReadProvenance read_provenance(const std::string& path) {
  const std::vector<std::uint8_t> bytes = read_file(path);
  ReadProvenance out;
  try {
    out = detail::read_exiv2_provenance(bytes);
  } catch (const Error& e) {
    throw Error(e.code(), "'" + path + "': " + e.what());
  }
  if (out.parameters.empty()) out.parameters = png_parameters(bytes);
  return out;
}

}  // namespace rashisa::exporting
