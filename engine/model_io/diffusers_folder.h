#pragma once
// A Stable Diffusion model in the diffusers folder layout:
//   model_index.json, unet/, vae/, text_encoder/, tokenizer/, scheduler/
// Each model folder has config.json and safetensors weights, either one file, an
// fp16 variant (*.fp16.safetensors) or shards listed in *.safetensors.index.json.
// Ref: diffusers/src/diffusers/pipelines/pipeline_utils.py (DiffusionPipeline.from_pretrained),
//      diffusers/src/diffusers/utils/constants.py (file names), _add_variant in hub_utils.py.
#include <nlohmann/json.hpp>
#include <torch/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rashisa::model_io {

struct ComponentFiles {
  nlohmann::json config;                          // the folder's config.json
  std::vector<std::filesystem::path> weights;     // chosen .safetensors file(s), shards in index order
  std::filesystem::path index;                    // the *.safetensors.index*.json when sharded, else empty
};

enum class WeightVariant {
  Auto,  // the plain file if present, else *.fp16.safetensors
  FP32,  // only the plain file
  FP16,  // only the fp16 variant
};

struct DiffusersFolder {
  std::filesystem::path root;
  nlohmann::json model_index;
  ComponentFiles unet, vae, text_encoder;
  nlohmann::json scheduler_config;
  std::filesystem::path tokenizer_dir;  // holds vocab.json and merges.txt

  /// Finds and checks every file without reading weights. Throws Error: FileNotFound
  /// naming the missing file or folder, FileFormat for unreadable JSON,
  /// UnsafeFormat when a component has only pickle weights (.bin/.ckpt/.pt/.pth),
  /// UnsupportedModel for SDXL folders.
  static DiffusersFolder open(const std::filesystem::path& root, WeightVariant v = WeightVariant::Auto);
};

/// True when `path` is a folder with a model_index.json.
bool is_diffusers_folder(const std::filesystem::path& path);

/// All tensors of the component's weight file(s) as CPU views (name -> tensor), any
/// dtype as stored. Sharded weights must hold exactly the tensors their index lists.
/// Throws Error (FileFormat for duplicate or missing tensors, plus the reader's errors).
std::map<std::string, torch::Tensor> load_component_weights(const ComponentFiles&);

/// Reads a JSON file. Throws Error(FileNotFound / FileFormat) naming it.
nlohmann::json read_json_file(const std::filesystem::path& path);

}  // namespace rashisa::model_io
