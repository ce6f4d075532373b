#pragma once
// A loaded base model, held across user actions (the GUI keeps one while the project is open;
// the CLI opens one per command). The header is torch-free: ui/ never sees libtorch.
#include "engine/core/no_qt.h"
#include "engine/store/project.h"

#include <filesystem>
#include <memory>
#include <string>

namespace rashisa::workflow {

enum class SessionPurpose {
  Generate,  // UNet and text encoder in fp16 on CUDA (fp32 on the CPU)
  Train,     // fp32 master weights; the trainer runs its math in bf16/fp16 autocast on CUDA
};

struct SessionOptions {
  std::string device = "auto";  // auto, cpu, cuda, cuda:N
  SessionPurpose purpose = SessionPurpose::Generate;
  std::filesystem::path tokenizer_dir;  // for single-file checkpoints without a tokenizer/ beside them
};

class ModelSession {
 public:
  /// Loads the model. Throws rashisa::Error (missing, damaged, unsupported, unsafe, out of memory).
  static std::unique_ptr<ModelSession> open(const std::filesystem::path& model, const SessionOptions& options);
  ~ModelSession();
  ModelSession(const ModelSession&) = delete;
  ModelSession& operator=(const ModelSession&) = delete;

  /// SHA-256 identity of the base weights (computed once; the same for fp16 and fp32 copies).
  const std::string& weights_hash();
  /// "NVIDIA RTX 4090 (cuda:0)", "CPU (8 threads)".
  std::string device_description() const;
  /// "cpu", "cuda:0".
  std::string device_name() const;
  /// "fp32", "fp16", "bf16".
  std::string precision() const;
  const std::filesystem::path& model_path() const;

  struct Impl;  // engine/workflow/model_session_p.h (libtorch)
  Impl& impl() { return *impl_; }

 private:
  explicit ModelSession(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Opens the project's base model (set with set_project_model) and checks that its weights are
/// still the ones the project recorded: Error(ModelMismatch) when the file was replaced.
std::unique_ptr<ModelSession> open_project_model(const store::Project& project, const SessionOptions& options);

/// Loads `model`, computes its identity and records it as the project's base model. Returns
/// the hash. Images and concepts made with another base stay, and say so in their records.
std::string set_project_model(store::Project& project, const std::filesystem::path& model,
                              const SessionOptions& options);
/// The same with a model already loaded (the window keeps the session it fingerprinted).
std::string set_project_model(store::Project& project, ModelSession& session);

}  // namespace rashisa::workflow
