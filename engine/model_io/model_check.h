#pragma once
// Checks of a model's parts as found on disk, before any module is built or any weight is
// copied: each component holds weights of the kind its place needs, its config.json describes
// those weights, the components fit each other, the weights are finite, and the tokenizer fits
// the text encoder. Each failure is a ModelError whose fault names the case, with a message
// that says what is wrong and what to do.
#include "engine/core/error.h"
#include "engine/model_io/safetensors.h"

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <filesystem>
#include <map>
#include <string>

namespace rashisa::model_io {

using TensorMap = std::map<std::string, torch::Tensor>;

/// A model's components before loading: configs and CPU tensor views (diffusers names).
struct ModelParts {
  std::string source;  // the folder or file, for messages
  bool folder = true;  // a diffusers folder (its configs are files that can disagree with the weights)
  const nlohmann::json* unet_config = nullptr;
  const nlohmann::json* vae_config = nullptr;
  const nlohmann::json* text_config = nullptr;
  const TensorMap* unet = nullptr;
  const TensorMap* vae = nullptr;
  const TensorMap* text = nullptr;
  std::filesystem::path tokenizer_dir;  // empty: the tokenizer is not checked
};

/// Reads tensor shapes only (no weight bytes). Throws ModelError(ModelMismatch) with
/// OtherArchitecture (a component of another kind or family, or components that do not fit
/// each other) or ConfigMismatch (a config.json that does not describe its weights), and the
/// tokenizer's errors (tokenizer_check.h).
void check_model_parts(const ModelParts& parts);

/// Reads every weight once: throws ModelError(FileFormat, NonFinite) naming the tensors that
/// hold NaN or infinite values. Integer and 8-bit float tensors are not checked.
void check_finite(const TensorMap& weights, const std::string& what, const std::string& source);

/// SafetensorsFile::open for model weights: refuses pickles, and reports a file cut short as
/// ModelError(FileFormat, Truncated) (other damage stays a SafetensorsError).
SafetensorsFile open_weights_file(const std::filesystem::path& path);

}  // namespace rashisa::model_io
