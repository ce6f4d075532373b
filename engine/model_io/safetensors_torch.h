#pragma once
// libtorch side of safetensors: zero-copy tensor views of a mapped file, and
// writing tensors. Views share ownership of the mapping and are read-only:
// clone() or .to() before modifying them.
#include "engine/model_io/safetensors.h"

#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

namespace rashisa::model_io {

/// Throws Error(UnsupportedModel) for dtypes this libtorch has no type for.
c10::ScalarType to_scalar_type(DType d);
DType from_scalar_type(c10::ScalarType t);

/// Zero-copy CPU view (copied only when the file's bytes are misaligned for the dtype).
torch::Tensor tensor_view(const SafetensorsFile& file, const TensorInfo& info);
/// View by name; throws Error(ModelMismatch) naming the file when absent.
torch::Tensor tensor_view(const SafetensorsFile& file, const std::string& name);

/// Every tensor of the file as views, by name.
std::map<std::string, torch::Tensor> load_all(const SafetensorsFile& file);

/// Writes CPU copies of the tensors (any device, made contiguous) atomically.
void save_tensors(const std::filesystem::path& path, const std::map<std::string, torch::Tensor>& tensors,
                  const std::map<std::string, std::string>& metadata = {});

}  // namespace rashisa::model_io
