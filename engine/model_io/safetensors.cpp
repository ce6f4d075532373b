#include "engine/model_io/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>

namespace rashisa::model_io {

namespace {

struct DTypeName {
  DType dtype;
  const char* name;
  std::size_t size;
};
constexpr DTypeName kDTypes[] = {
    {DType::BOOL, "BOOL", 1}, {DType::U8, "U8", 1},       {DType::I8, "I8", 1},
    {DType::I16, "I16", 2},   {DType::U16, "U16", 2},     {DType::I32, "I32", 4},
    {DType::U32, "U32", 4},   {DType::I64, "I64", 8},     {DType::U64, "U64", 8},
    {DType::F16, "F16", 2},   {DType::BF16, "BF16", 2},   {DType::F32, "F32", 4},
    {DType::F64, "F64", 8},   {DType::F8_E4M3, "F8_E4M3", 1}, {DType::F8_E5M2, "F8_E5M2", 1},
};

// The format's own cap on the header (100 MB); larger values are treated as corrupt.
constexpr std::uint64_t kMaxHeader = 100'000'000;

[[noreturn]] void fault(SafetensorsFault f, const std::string& what, const std::string& detail) {
  throw SafetensorsError(f, what + " is not a valid safetensors file: " + detail);
}

bool read_u64_list(const nlohmann::json& j, std::vector<std::uint64_t>& out) {
  if (!j.is_array()) return false;
  for (const auto& v : j) {
    if (!v.is_number_unsigned()) return false;
    out.push_back(v.get<std::uint64_t>());
  }
  return true;
}

nlohmann::json parse_json_rejecting_duplicates(const char* begin, const char* end,
                                               const std::string& what) {
  std::vector<std::set<std::string>> keys;
  std::string duplicate;
  auto cb = [&](int, nlohmann::json::parse_event_t ev, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (ev == E::object_start) {
      keys.emplace_back();
    } else if (ev == E::object_end) {
      if (!keys.empty()) keys.pop_back();
    } else if (ev == E::key && !keys.empty()) {
      const auto& k = parsed.get_ref<const std::string&>();
      if (!keys.back().insert(k).second && duplicate.empty()) duplicate = k;
    }
    return true;
  };
  nlohmann::json j = nlohmann::json::parse(begin, end, cb, /*allow_exceptions=*/false);
  if (j.is_discarded()) fault(SafetensorsFault::BadJson, what, "the header is not valid JSON");
  if (!duplicate.empty())
    fault(SafetensorsFault::DuplicateKey, what, "the header names \"" + duplicate + "\" twice");
  return j;
}

TensorInfo parse_entry(const std::string& name, const nlohmann::json& e, const std::string& what) {
  if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets"))
    fault(SafetensorsFault::BadJson, what,
          "entry \"" + name + "\" needs dtype, shape and data_offsets");
  TensorInfo t;
  t.name = name;
  const auto& dt = e["dtype"];
  auto dtype = dt.is_string() ? dtype_from_name(dt.get<std::string>()) : std::nullopt;
  if (!dtype) fault(SafetensorsFault::UnknownDType, what, "tensor \"" + name + "\" has unknown dtype " + dt.dump());
  t.dtype = *dtype;
  std::vector<std::uint64_t> shape;
  if (!read_u64_list(e["shape"], shape))
    fault(SafetensorsFault::BadShape, what, "tensor \"" + name + "\" has a malformed shape");
  for (auto s : shape) {
    if (s > static_cast<std::uint64_t>(INT64_MAX))
      fault(SafetensorsFault::BadShape, what, "tensor \"" + name + "\" has a malformed shape");
    t.shape.push_back(static_cast<std::int64_t>(s));
  }
  std::vector<std::uint64_t> off;
  if (!read_u64_list(e["data_offsets"], off) || off.size() != 2 || off[0] > off[1])
    fault(SafetensorsFault::BadOffsets, what,
          "tensor \"" + name + "\" needs data_offsets [begin, end] with 0 <= begin <= end");
  t.begin = off[0];
  t.end = off[1];
  // dtype x shape must equal the byte range; multiply with overflow checks.
  std::uint64_t bytes = dtype_size(t.dtype);
  for (auto s : shape) {
    if (s != 0 && bytes > UINT64_MAX / s)
      fault(SafetensorsFault::SizeMismatch, what, "tensor \"" + name + "\" is impossibly large");
    bytes *= s;
  }
  if (bytes != t.end - t.begin)
    fault(SafetensorsFault::SizeMismatch, what,
          "tensor \"" + name + "\" needs " + std::to_string(bytes) + " bytes for its dtype and shape but its range holds " +
              std::to_string(t.end - t.begin));
  return t;
}

}  // namespace

std::size_t dtype_size(DType d) noexcept {
  for (const auto& x : kDTypes)
    if (x.dtype == d) return x.size;
  return 0;
}

const char* dtype_name(DType d) noexcept {
  for (const auto& x : kDTypes)
    if (x.dtype == d) return x.name;
  return "?";
}

std::optional<DType> dtype_from_name(std::string_view name) noexcept {
  for (const auto& x : kDTypes)
    if (name == x.name) return x.dtype;
  return std::nullopt;
}

std::uint64_t TensorInfo::numel() const noexcept {
  std::uint64_t n = 1;
  for (auto s : shape) n *= static_cast<std::uint64_t>(s);
  return n;
}

const char* fault_name(SafetensorsFault f) noexcept {
  switch (f) {
    case SafetensorsFault::Truncated: return "truncated";
    case SafetensorsFault::HeaderTooLarge: return "header-too-large";
    case SafetensorsFault::BadJson: return "bad-json";
    case SafetensorsFault::DuplicateKey: return "duplicate-key";
    case SafetensorsFault::BadOffsets: return "bad-offsets";
    case SafetensorsFault::UnknownDType: return "unknown-dtype";
    case SafetensorsFault::BadShape: return "bad-shape";
    case SafetensorsFault::SizeMismatch: return "size-mismatch";
    case SafetensorsFault::OutOfRange: return "out-of-range";
    case SafetensorsFault::Overlap: return "overlap";
    case SafetensorsFault::Gap: return "gap";
  }
  return "?";
}

SafetensorsHeader parse_safetensors(const std::uint8_t* bytes, std::size_t size, const std::string& what) {
  if (size < 8) fault(SafetensorsFault::Truncated, what, "it is shorter than the 8-byte header length");
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | bytes[i];
  if (n > size - 8 || n > kMaxHeader)
    fault(SafetensorsFault::HeaderTooLarge, what,
          "the header claims " + std::to_string(n) + " bytes but the file has " + std::to_string(size - 8) +
              " after the length (the file is truncated or not safetensors)");
  const char* h = reinterpret_cast<const char*>(bytes + 8);
  nlohmann::json j = parse_json_rejecting_duplicates(h, h + n, what);
  if (!j.is_object()) fault(SafetensorsFault::BadJson, what, "the header is not a JSON object");

  SafetensorsHeader out;
  out.data_offset = 8 + n;
  const std::uint64_t data_size = size - out.data_offset;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key() == "__metadata__") {
      if (!it.value().is_object()) fault(SafetensorsFault::BadJson, what, "__metadata__ is not an object");
      for (auto m = it.value().begin(); m != it.value().end(); ++m) {
        if (!m.value().is_string())
          fault(SafetensorsFault::BadJson, what, "__metadata__ value \"" + m.key() + "\" is not a string");
        out.metadata[m.key()] = m.value().get<std::string>();
      }
      continue;
    }
    out.tensors.push_back(parse_entry(it.key(), it.value(), what));
  }
  std::sort(out.tensors.begin(), out.tensors.end(), [](const TensorInfo& a, const TensorInfo& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::uint64_t cursor = 0;
  for (const auto& t : out.tensors) {
    if (t.end > data_size)
      fault(SafetensorsFault::OutOfRange, what,
            "tensor \"" + t.name + "\" ends at byte " + std::to_string(t.end) + " of a " +
                std::to_string(data_size) + "-byte data section");
    if (t.begin < cursor)
      fault(SafetensorsFault::Overlap, what, "tensor \"" + t.name + "\" overlaps the tensor before it");
    if (t.begin > cursor)
      fault(SafetensorsFault::Gap, what, "bytes before tensor \"" + t.name + "\" belong to no tensor");
    cursor = t.end;
  }
  if (cursor != data_size)
    fault(SafetensorsFault::Gap, what,
          "the last " + std::to_string(data_size - cursor) + " bytes belong to no tensor");
  return out;
}

SafetensorsFile SafetensorsFile::open(const std::filesystem::path& path) {
  SafetensorsFile f;
  f.file_ = MappedFile::open(path);
  static const std::uint8_t kEmpty[1] = {0};
  f.header_ = parse_safetensors(f.file_->data() ? f.file_->data() : kEmpty, f.file_->size(), path.u8string());
  for (std::size_t i = 0; i < f.header_.tensors.size(); ++i) f.index_.emplace(f.header_.tensors[i].name, i);
  return f;
}

const TensorInfo* SafetensorsFile::find(std::string_view name) const noexcept {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &header_.tensors[it->second];
}

const std::uint8_t* SafetensorsFile::data(const TensorInfo& t) const noexcept {
  return file_->data() + header_.data_offset + t.begin;
}

void write_safetensors(const std::filesystem::path& path, std::vector<TensorBytes> tensors,
                       const std::map<std::string, std::string>& metadata) {
  std::sort(tensors.begin(), tensors.end(),
            [](const TensorBytes& a, const TensorBytes& b) { return a.name < b.name; });
  nlohmann::ordered_json header = nlohmann::ordered_json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::uint64_t offset = 0;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    const auto& t = tensors[i];
    if (i > 0 && tensors[i - 1].name == t.name)
      throw Error(ErrorCode::InvalidArgument, "two tensors are named \"" + t.name + "\"");
    std::uint64_t expect = dtype_size(t.dtype);
    for (auto s : t.shape) expect *= static_cast<std::uint64_t>(s);
    if (expect != t.nbytes)
      throw Error(ErrorCode::InvalidArgument, "tensor \"" + t.name + "\" has the wrong byte size");
    header[t.name] = {{"dtype", dtype_name(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.nbytes}}};
    offset += t.nbytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');

  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(ErrorCode::FileWrite, "cannot create " + tmp.u8string());
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>((text.size() >> (8 * i)) & 0xff);
    out.write(reinterpret_cast<const char*>(len), 8);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    for (const auto& t : tensors) out.write(static_cast<const char*>(t.data), static_cast<std::streamsize>(t.nbytes));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      throw Error(ErrorCode::FileWrite, "cannot write " + tmp.u8string() + " (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw Error(ErrorCode::FileWrite, "cannot replace " + path.u8string() + ": " + ec.message());
  }
}

}  // namespace rashisa::model_io
