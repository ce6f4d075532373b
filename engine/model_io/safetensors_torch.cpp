#include "engine/model_io/safetensors_torch.h"

#include <torch/torch.h>

namespace rashisa::model_io {

c10::ScalarType to_scalar_type(DType d) {
  switch (d) {
    case DType::BOOL: return torch::kBool;
    case DType::U8: return torch::kUInt8;
    case DType::I8: return torch::kInt8;
    case DType::I16: return torch::kInt16;
    case DType::I32: return torch::kInt32;
    case DType::I64: return torch::kInt64;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::F32: return torch::kFloat32;
    case DType::F64: return torch::kFloat64;
    default: break;
  }
  throw Error(ErrorCode::UnsupportedModel,
              std::string("tensors of dtype ") + dtype_name(d) + " cannot be used by this build of libtorch");
}

DType from_scalar_type(c10::ScalarType t) {
  switch (t) {
    case torch::kBool: return DType::BOOL;
    case torch::kUInt8: return DType::U8;
    case torch::kInt8: return DType::I8;
    case torch::kInt16: return DType::I16;
    case torch::kInt32: return DType::I32;
    case torch::kInt64: return DType::I64;
    case torch::kFloat16: return DType::F16;
    case torch::kBFloat16: return DType::BF16;
    case torch::kFloat32: return DType::F32;
    case torch::kFloat64: return DType::F64;
    default: break;
  }
  throw Error(ErrorCode::InvalidArgument, std::string("cannot store tensors of type ") + c10::toString(t));
}

torch::Tensor tensor_view(const SafetensorsFile& file, const TensorInfo& info) {
  const auto type = to_scalar_type(info.dtype);
  const auto options = torch::TensorOptions().dtype(type).device(torch::kCPU);
  auto* ptr = const_cast<std::uint8_t*>(file.data(info));
  const std::size_t align = dtype_size(info.dtype);
  if (info.numel() == 0) return torch::empty(info.shape, options);
  if (reinterpret_cast<std::uintptr_t>(ptr) % align != 0) {
    auto t = torch::empty(info.shape, options);
    std::memcpy(t.data_ptr(), ptr, info.end - info.begin);
    return t;
  }
  auto keep = file.mapping();  // the view keeps the mapping alive
  return torch::from_blob(ptr, info.shape, [keep](void*) {}, options);
}

torch::Tensor tensor_view(const SafetensorsFile& file, const std::string& name) {
  const TensorInfo* info = file.find(name);
  if (!info) throw Error(ErrorCode::ModelMismatch, file.path().u8string() + " has no tensor \"" + name + "\"");
  return tensor_view(file, *info);
}

std::map<std::string, torch::Tensor> load_all(const SafetensorsFile& file) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& info : file.tensors()) out.emplace(info.name, tensor_view(file, info));
  return out;
}

void save_tensors(const std::filesystem::path& path, const std::map<std::string, torch::Tensor>& tensors,
                  const std::map<std::string, std::string>& metadata) {
  std::vector<torch::Tensor> keep;
  std::vector<TensorBytes> out;
  keep.reserve(tensors.size());
  for (const auto& [name, t] : tensors) {
    keep.push_back(t.detach().to(torch::kCPU).contiguous());
    const auto& c = keep.back();
    TensorBytes b;
    b.name = name;
    b.dtype = from_scalar_type(c.scalar_type());
    b.shape = c.sizes().vec();
    b.data = c.data_ptr();
    b.nbytes = c.numel() * c.element_size();
    out.push_back(std::move(b));
  }
  write_safetensors(path, std::move(out), metadata);
}

}  // namespace rashisa::model_io
