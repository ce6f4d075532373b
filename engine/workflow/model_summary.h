#pragma once
// What a base model is, read fast (configs and tensor headers, no weights), for choosing a
// model in the first-start wizard and the Start page's environment card. Torch-free header.
#include "engine/core/no_qt.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace rashisa::workflow {

struct ModelSummary {
  std::string path;                 // absolute, UTF-8
  std::string layout;               // "diffusers folder" / "single-file checkpoint"
  std::string family;               // "SD 1.x" / "SD 2.x"
  bool v_prediction = false;        // SD 2.x 768-v models predict velocity, not noise
  int native_resolution = 512;      // the image side the model was trained at (pixels)
  std::int64_t parameters = 0;      // UNet + VAE + text encoder
};

/// Reads `model` (a diffusers folder or a single-file .safetensors checkpoint) without
/// loading its weights. Throws rashisa::Error as loading would: FileNotFound (missing model,
/// or a single file without tokenizer files: name them with `tokenizer_dir`), UnsafeFormat
/// (pickle checkpoints), UnsupportedModel, FileFormat (damaged files).
ModelSummary describe_model(const std::filesystem::path& model, const std::filesystem::path& tokenizer_dir = {});

}  // namespace rashisa::workflow
