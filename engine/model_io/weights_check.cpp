// The byte-level checks of model weights: finiteness and files cut short (model_check.h).
#include "engine/model_io/model_check.h"

#include "engine/model_io/pickle_guard.h"

#include <cstdint>
#include <cstring>
#include <vector>

namespace rashisa::model_io {

namespace {

/// Counts the values whose exponent bits are all ones (NaN or infinity): a plain scan of the
/// stored bits, as fast as memory can be read, whatever the dtype's arithmetic costs.
template <typename Bits>
std::int64_t count_non_finite(const void* data, std::int64_t n, Bits exponent) {
  const auto* p = static_cast<const unsigned char*>(data);
  std::int64_t bad = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    Bits v;
    std::memcpy(&v, p + i * static_cast<std::int64_t>(sizeof(Bits)), sizeof(Bits));
    bad += (v & exponent) == exponent;
  }
  return bad;
}

std::int64_t non_finite(const torch::Tensor& tensor) {
  const torch::Tensor t = tensor.is_contiguous() ? tensor : tensor.contiguous();
  const std::int64_t n = t.numel();
  switch (t.scalar_type()) {
    case torch::kFloat32: return count_non_finite<std::uint32_t>(t.data_ptr(), n, 0x7f800000u);
    case torch::kFloat16: return count_non_finite<std::uint16_t>(t.data_ptr(), n, 0x7c00u);
    case torch::kBFloat16: return count_non_finite<std::uint16_t>(t.data_ptr(), n, 0x7f80u);
    case torch::kFloat64: return count_non_finite<std::uint64_t>(t.data_ptr(), n, 0x7ff0000000000000ull);
    default: return 0;
  }
}

}  // namespace

void check_finite(const TensorMap& weights, const std::string& what, const std::string& source) {
  std::vector<std::string> bad;
  for (const auto& [name, t] : weights) {
    if (!t.defined() || t.device().type() != torch::kCPU) continue;
    if (const std::int64_t n = non_finite(t))
      bad.push_back(name + " (" + std::to_string(n) + " of " + std::to_string(t.numel()) + " values)");
  }
  if (bad.empty()) return;
  std::string msg = source + ": the " + what + " weights hold NaN or infinite values in " +
                    std::to_string(bad.size()) + (bad.size() == 1 ? " tensor: " : " tensors: ");
  for (std::size_t i = 0; i < bad.size() && i < 5; ++i) msg += (i ? ", " : "") + bad[i];
  if (bad.size() > 5) msg += ", ... and " + std::to_string(bad.size() - 5) + " more";
  throw ModelError(ErrorCode::FileFormat, ModelFault::NonFinite,
                   msg + ". Such a model makes only noise or black images. The file was damaged or badly converted: "
                         "download the model again from where you got it, or use another copy.");
}

SafetensorsFile open_weights_file(const std::filesystem::path& path) {
  refuse_pickle(path);
  try {
    return SafetensorsFile::open(path);
  } catch (const SafetensorsError& e) {
    const SafetensorsFault f = e.fault();
    if (f != SafetensorsFault::Truncated && f != SafetensorsFault::HeaderTooLarge && f != SafetensorsFault::OutOfRange)
      throw;
    const std::string what = e.what();
    const std::string marker = "is not a valid safetensors file: ";
    const std::size_t at = what.find(marker);
    throw ModelError(ErrorCode::FileFormat, ModelFault::Truncated,
                     path.u8string() + " is cut short (" +
                         (at == std::string::npos ? what : what.substr(at + marker.size())) + ")" +
                         ". The copy or download did not finish. Copy the model again, or download it again from "
                         "where you got it.");
  }
}

}  // namespace rashisa::model_io
