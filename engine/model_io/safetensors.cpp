#include "engine/model_io/safetensors.h"

#include "engine/model_io/atomic_file.h"
#include "engine/model_io/pickle_guard.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
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

// Names and values quoted in messages come from an untrusted file: keep them short.
std::string shown(const std::string& s) {
  constexpr std::size_t kMax = 120;
  if (s.size() <= kMax) return s;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return s.substr(0, cut) + "...";
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
    fault(SafetensorsFault::DuplicateKey, what, "the header names \"" + shown(duplicate) + "\" twice");
  return j;
}

TensorInfo parse_entry(const std::string& name, const nlohmann::json& e, const std::string& what) {
  if (!e.is_object() || !e.contains("dtype") || !e.contains("shape") || !e.contains("data_offsets"))
    fault(SafetensorsFault::BadJson, what,
          "entry \"" + shown(name) + "\" needs dtype, shape and data_offsets");
  TensorInfo t;
  t.name = name;
  const auto& dt = e["dtype"];
  auto dtype = dt.is_string() ? dtype_from_name(dt.get<std::string>()) : std::nullopt;
  if (!dtype) fault(SafetensorsFault::UnknownDType, what, "tensor \"" + shown(name) + "\" has unknown dtype " + shown(dt.dump()));
  t.dtype = *dtype;
  std::vector<std::uint64_t> shape;
  if (!read_u64_list(e["shape"], shape))
    fault(SafetensorsFault::BadShape, what, "tensor \"" + shown(name) + "\" has a malformed shape");
  for (auto s : shape) {
    if (s > static_cast<std::uint64_t>(INT64_MAX))
      fault(SafetensorsFault::BadShape, what, "tensor \"" + shown(name) + "\" has a malformed shape");
    t.shape.push_back(static_cast<std::int64_t>(s));
  }
  std::vector<std::uint64_t> off;
  if (!read_u64_list(e["data_offsets"], off) || off.size() != 2 || off[0] > off[1])
    fault(SafetensorsFault::BadOffsets, what,
          "tensor \"" + shown(name) + "\" needs data_offsets [begin, end] with 0 <= begin <= end");
  t.begin = off[0];
  t.end = off[1];
  // dtype x shape must equal the byte range; multiply with overflow checks.
  std::uint64_t bytes = dtype_size(t.dtype);
  for (auto s : shape) {
    if (s != 0 && bytes > UINT64_MAX / s)
      fault(SafetensorsFault::SizeMismatch, what, "tensor \"" + shown(name) + "\" is impossibly large");
    bytes *= s;
  }
  if (bytes != t.end - t.begin)
    fault(SafetensorsFault::SizeMismatch, what,
          "tensor \"" + shown(name) + "\" needs " + std::to_string(bytes) + " bytes for its dtype and shape but its range holds " +
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
      if (it.value().is_null()) continue;  // the reference writer's Option<HashMap> may serialise as null
      if (!it.value().is_object()) fault(SafetensorsFault::BadJson, what, "__metadata__ is not an object");
      for (auto m = it.value().begin(); m != it.value().end(); ++m) {
        if (!m.value().is_string())
          fault(SafetensorsFault::BadJson, what, "__metadata__ value \"" + shown(m.key()) + "\" is not a string");
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
            "tensor \"" + shown(t.name) + "\" ends at byte " + std::to_string(t.end) + " of a " +
                std::to_string(data_size) + "-byte data section");
    if (t.begin < cursor)
      fault(SafetensorsFault::Overlap, what, "tensor \"" + shown(t.name) + "\" overlaps the tensor before it");
    if (t.begin > cursor)
      fault(SafetensorsFault::Gap, what, "bytes before tensor \"" + shown(t.name) + "\" belong to no tensor");
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
  if (f.file_->data() && looks_like_pickle(f.file_->data(), std::min<std::size_t>(f.file_->size(), 9), f.file_->size()))
    throw_pickle_refused(path);
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
    if (t.name == "__metadata__")
      throw Error(ErrorCode::InvalidArgument, "a tensor cannot be named \"__metadata__\" (reserved by the format)");
    if (i > 0 && tensors[i - 1].name == t.name)
      throw Error(ErrorCode::InvalidArgument, "two tensors are named \"" + t.name + "\"");
    std::uint64_t expect = dtype_size(t.dtype);
    for (auto s : t.shape) expect *= static_cast<std::uint64_t>(s);
    if (expect != t.nbytes)
      throw Error(ErrorCode::InvalidArgument, "tensor \"" + shown(t.name) + "\" has the wrong byte size");
    header[t.name] = {{"dtype", dtype_name(t.dtype)}, {"shape", t.shape}, {"data_offsets", {offset, offset + t.nbytes}}};
    offset += t.nbytes;
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');

  unsigned char len[8];
  for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>((text.size() >> (8 * i)) & 0xff);
  AtomicFile out(path);  // removes its temporary file if anything below throws
  out.write(len, 8);
  out.write(text.data(), text.size());
  for (const auto& t : tensors) out.write(t.data, t.nbytes);
  out.commit();
}

}  // namespace rashisa::model_io
