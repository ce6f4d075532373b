#include "engine/model_io/pickle_guard.h"

#include "engine/core/error.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <string>

namespace rashisa::model_io {

bool has_pickle_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().u8string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".ckpt" || ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".pkl" || ext == ".pickle";
}

bool looks_like_pickle(const unsigned char* b, std::size_t got, std::uint64_t size) noexcept {
  if (got < 4) return false;
  // A safetensors file: little-endian header length that fits the file, then '{'.
  if (got >= 9 && size >= 9) {
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | b[i];
    if (n <= size - 8 && b[8] == '{') return false;
  }
  // Ref: Python pickletools: PROTO opcode 0x80 followed by the protocol number (torch.save
  // before 1.6 wrote protocol 2); torch.save since 1.6 writes a zip archive ("PK\3\4").
  const bool pickle = b[0] == 0x80 && b[1] >= 2 && b[1] <= 5;
  const bool zip = b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  return pickle || zip;
}

bool has_pickle_content(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return false;
  std::ifstream in(path, std::ios::binary);
  unsigned char b[9] = {};
  in.read(reinterpret_cast<char*>(b), sizeof b);
  return looks_like_pickle(b, static_cast<std::size_t>(in.gcount()), size);
}

void throw_pickle_refused(const std::filesystem::path& path) {
  const std::string name = path.filename().u8string();
  const std::string what = has_pickle_extension(path)
                               ? name + " is a PyTorch pickle checkpoint"
                               : name + " contains a PyTorch pickle checkpoint although its name says otherwise";
  throw Error(ErrorCode::UnsafeFormat,
              what + ". Rashisa does not open pickle files (.ckpt, .bin, .pt, .pth) because loading one can run any "
                     "program hidden inside it. Use the .safetensors version of the model instead (most model pages "
                     "offer one), or convert this file to .safetensors with a trusted tool on a machine where running "
                     "unknown code does no harm.");
}

void refuse_pickle(const std::filesystem::path& path) {
  if (has_pickle_extension(path) || has_pickle_content(path)) throw_pickle_refused(path);
}

}  // namespace rashisa::model_io
