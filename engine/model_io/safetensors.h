#pragma once
// safetensors: 8-byte little-endian header length N, N bytes of JSON, then raw
// little-endian tensor data. This header is torch-free: it parses and validates;
// safetensors_torch.h turns the descriptors into zero-copy tensors.
// Ref: https://github.com/huggingface/safetensors (format description in README.md)
#include "engine/core/error.h"
#include "engine/model_io/mapped_file.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rashisa::model_io {

enum class DType { BOOL, U8, I8, I16, U16, I32, U32, I64, U64, F16, BF16, F32, F64, F8_E4M3, F8_E5M2 };

/// Size of one element in bytes.
std::size_t dtype_size(DType d) noexcept;
/// "F32", "BF16", ... as spelled in the file.
const char* dtype_name(DType d) noexcept;
std::optional<DType> dtype_from_name(std::string_view name) noexcept;

/// One tensor of a file; offsets are relative to the start of the data section.
struct TensorInfo {
  std::string name;
  DType dtype = DType::F32;
  std::vector<std::int64_t> shape;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t numel() const noexcept;
};

/// Why a file was rejected; each malformation has its own kind.
enum class SafetensorsFault {
  Truncated,        // shorter than the 8-byte length prefix
  HeaderTooLarge,   // the declared header length runs past the end of the file
  BadJson,          // the header is not a JSON object of the expected form
  DuplicateKey,     // a key appears twice in the header
  BadOffsets,       // offsets are not two non-negative integers with begin <= end
  UnknownDType,     // a dtype string the format does not define
  BadShape,         // shape is not a list of non-negative integers
  SizeMismatch,     // dtype x shape does not equal the byte range
  OutOfRange,       // a byte range ends past the data section
  Overlap,          // two byte ranges overlap
  Gap,              // the ranges do not cover the data section completely
};

const char* fault_name(SafetensorsFault f) noexcept;

class SafetensorsError : public Error {
 public:
  SafetensorsError(SafetensorsFault fault, const std::string& message)
      : Error(ErrorCode::FileFormat, message), fault_(fault) {}
  SafetensorsFault fault() const noexcept { return fault_; }

 private:
  SafetensorsFault fault_;
};

/// Parsed and validated header. `data_offset` is 8 + N.
struct SafetensorsHeader {
  std::vector<TensorInfo> tensors;  // in file order of their data (sorted by begin)
  std::map<std::string, std::string> metadata;
  std::uint64_t data_offset = 0;
};

/// Validates a whole file image held in memory. Throws SafetensorsError.
/// `what` names the file in messages.
SafetensorsHeader parse_safetensors(const std::uint8_t* bytes, std::size_t size,
                                    const std::string& what = "safetensors file");

/// A memory-mapped, validated safetensors file.
class SafetensorsFile {
 public:
  /// Throws rashisa::Error (FileNotFound/FileRead; UnsafeFormat when the bytes are a
  /// PyTorch pickle or zip checkpoint, whatever the file is called) or SafetensorsError.
  static SafetensorsFile open(const std::filesystem::path& path);

  const std::vector<TensorInfo>& tensors() const noexcept { return header_.tensors; }
  const std::map<std::string, std::string>& metadata() const noexcept { return header_.metadata; }
  const TensorInfo* find(std::string_view name) const noexcept;
  /// Raw bytes of one tensor (valid while this object or a copy lives).
  const std::uint8_t* data(const TensorInfo& t) const noexcept;
  const std::shared_ptr<const MappedFile>& mapping() const noexcept { return file_; }
  const std::filesystem::path& path() const noexcept { return file_->path(); }

 private:
  std::shared_ptr<const MappedFile> file_;
  SafetensorsHeader header_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

/// A tensor to write: raw little-endian bytes plus descriptor (begin/end ignored).
struct TensorBytes {
  std::string name;
  DType dtype = DType::F32;
  std::vector<std::int64_t> shape;
  const void* data = nullptr;
  std::size_t nbytes = 0;
};

/// Writes a safetensors file: header padded to 8 bytes, tensors in sorted name
/// order, to `path.tmp` first, flushed to disk (fsync) and then renamed over `path`
/// (see atomic_file.h). On any error the old `path` is left as it was and the
/// temporary file is removed. Throws rashisa::Error (InvalidArgument, FileWrite).
void write_safetensors(const std::filesystem::path& path, std::vector<TensorBytes> tensors,
                       const std::map<std::string, std::string>& metadata = {});

}  // namespace rashisa::model_io
