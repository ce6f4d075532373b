#pragma once
// A loaded Stable Diffusion model: tokenizer, text encoder, UNet, VAE and the
// scheduler configuration, from a diffusers folder or a single-file checkpoint.
#include "engine/ml/clip/clip_text_model.h"
#include "engine/ml/schedulers/scheduler.h"
#include "engine/ml/tokenizer/clip_tokenizer.h"
#include "engine/ml/unet/unet.h"
#include "engine/ml/vae/autoencoder_kl.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace rashisa::ml {

enum class ModelFamily { SD1, SD2 };
const char* family_name(ModelFamily f);

struct ComponentInfo {
  int64_t parameters = 0;
  std::map<std::string, int64_t> parameters_by_dtype;  // "F32" -> count
};

struct ModelInfo {
  std::filesystem::path source;
  std::string layout;  // "diffusers folder" or "single-file checkpoint"
  ModelFamily family = ModelFamily::SD1;
  PredictionType prediction = PredictionType::Epsilon;
  /// Image side the model was trained at: UNet sample_size x the VAE's downscale factor
  /// (512 for SD 1.5 and 2.1-base, 768 for 2.1-v).
  int native_resolution = 512;
  std::map<std::string, ComponentInfo> components;  // "unet", "vae", "text_encoder"
};

struct LoadOptions {
  torch::Device device = torch::kCPU;
  torch::Dtype dtype = torch::kFloat32;  // UNet and text encoder; the VAE always runs in float32
  bool prefer_fp16_weights = false;      // diffusers *.fp16.safetensors variants when present
  std::optional<bool> v_prediction;      // single-file SD 2.x: 768-v checkpoints need this
  std::filesystem::path tokenizer_dir;   // single-file: where vocab.json/merges.txt live
};

struct StableDiffusionModel {
  std::shared_ptr<ClipTokenizer> tokenizer;
  ClipTextModel text_encoder{nullptr};
  UNet2DConditionModel unet{nullptr};
  AutoencoderKL vae{nullptr};
  SchedulerConfig scheduler_config;
  ModelInfo info;
  torch::Device device = torch::kCPU;
  torch::Dtype dtype = torch::kFloat32;

  /// Embeddings of tokens added to the tokenizer (a concept's placeholder): id -> [D].
  /// The text encoder's own table is never resized; these rows are substituted.
  std::map<int64_t, torch::Tensor> extra_token_embeddings;
  /// What apply_concept() changed, so remove_concept() restores the base bit for bit.
  struct ConceptBackup {
    std::shared_ptr<ClipTokenizer> tokenizer;
    std::map<std::string, torch::Tensor> unet;  // original values of the changed parameters
  };
  std::optional<ConceptBackup> concept_backup;
  std::string weights_hash;  // cache of model_weights_hash()
};

/// Reads only configs and tensor headers: fast, for `rashisa-cli info`.
ModelInfo inspect_model(const std::filesystem::path& path, const LoadOptions& options = {});

/// The model's tokenizer alone, reading no weights: a diffusers folder's tokenizer/; for a
/// single-file checkpoint options.tokenizer_dir, a tokenizer/ folder beside the file or
/// $RASHISA_TOKENIZER_DIR. Throws rashisa::Error like load_model.
ClipTokenizer load_tokenizer(const std::filesystem::path& path, const LoadOptions& options = {});

/// Loads every component strictly (all missing/unexpected/misshaped keys in one error), in
/// eval mode with every weight frozen (requires_grad false; the trainer unfreezes what it trains).
/// Throws rashisa::Error with a message that says what to do.
StableDiffusionModel load_model(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace rashisa::ml
