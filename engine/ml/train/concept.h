#pragma once
// A trained concept: the <V> vector, its token and category, and the Stage-3 UNet as a
// difference from the base UNet, in one .safetensors file with its metadata.
#include "engine/ml/pipeline/sd_model.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rashisa::ml {

struct Concept {
  std::string token;     // the placeholder, e.g. "<rashisa>"
  std::string category;  // one CLIP token, e.g. "mug"
  torch::Tensor embedding;                          // [D] float32
  std::map<std::string, torch::Tensor> unet_delta;  // UNet parameter name -> trained - base
  std::string base_model_hash;
  std::string base_model_name;
  nlohmann::json settings = nlohmann::json::object();
  nlohmann::json losses = nlohmann::json::object();  // "stage1": [..], ...
  std::vector<std::string> photo_hashes;
  std::string created;  // ISO 8601 UTC
  std::string rashisa_version;

  /// "<token> <category>", what `{concept}` in a prompt becomes.
  std::string phrase() const { return token + " " + category; }
};

/// fp16 deltas by default (half the size; the rounding is far below the training step).
void save_concept(const std::filesystem::path& path, const Concept& trained, bool fp32 = false);
/// Throws Error(FileFormat) when the file is not a Rashisa concept.
Concept load_concept(const std::filesystem::path& path);

/// Identity of a base model: SHA-256 over the names, shapes and fp16-rounded values of the
/// UNet and text-encoder weights (fp32 and fp16 copies of one model hash alike). Cached on
/// the model after the first call.
std::string model_weights_hash(StableDiffusionModel& model);

/// Adds the token, sets its embedding and adds the UNet delta. Refuses (Error ModelMismatch,
/// naming both models) a concept trained on another base. Remembers what it changed.
void apply_concept(StableDiffusionModel& model, const Concept& trained);
/// Restores the base weights exactly (bit for bit) and forgets the token's embedding.
void remove_concept(StableDiffusionModel& model);

}  // namespace rashisa::ml
