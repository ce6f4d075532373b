#include "engine/workflow/model_session_p.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/device.h"
#include "engine/ml/train/concept.h"
#include "engine/workflow/scratch_dir.h"

#include <fstream>

namespace rashisa::workflow {

namespace fs = std::filesystem;

ModelSession::ModelSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ModelSession::~ModelSession() = default;

std::unique_ptr<ModelSession> ModelSession::open(const fs::path& model, const SessionOptions& options) {
  ml::LoadOptions lo;
  lo.device = ml::parse_device(options.device);
  lo.dtype = options.purpose == SessionPurpose::Train ? torch::kFloat32 : ml::default_inference_dtype(lo.device);
  lo.tokenizer_dir = options.tokenizer_dir;
  auto impl = std::make_unique<Impl>();
  impl->model = ml::load_model(model, lo);
  impl->path = model;
  return std::unique_ptr<ModelSession>(new ModelSession(std::move(impl)));
}

const std::string& ModelSession::weights_hash() {
  ml::model_weights_hash(impl_->model);
  return impl_->model.weights_hash;
}

std::string ModelSession::device_description() const { return ml::device_description(impl_->model.device); }
std::string ModelSession::device_name() const { return impl_->model.device.str(); }

std::string ModelSession::precision() const {
  switch (impl_->model.dtype) {
    case torch::kHalf: return "fp16";
    case torch::kBFloat16: return "bf16";
    default: return "fp32";
  }
}

const fs::path& ModelSession::model_path() const { return impl_->path; }

std::unique_ptr<ModelSession> open_project_model(const store::Project& project, const SessionOptions& options) {
  const store::BaseModelRef ref = project.base_model();
  if (ref.path.empty())
    throw Error(ErrorCode::InvalidArgument,
                "the project has no base model yet; choose one with set-model (a Stable Diffusion 1.5 or 2.1 folder "
                "or .safetensors file)");
  std::error_code ec;
  if (!fs::exists(fs::u8path(ref.path), ec))
    throw Error(ErrorCode::FileNotFound, "the project's base model " + ref.path +
                                             " is not there any more; put it back or choose it again with set-model");
  auto session = ModelSession::open(fs::u8path(ref.path), options);
  if (!ref.sha256.empty() && session->weights_hash() != ref.sha256)
    throw Error(ErrorCode::ModelMismatch,
                "the base model at " + ref.path + " is not the one this project was set up with (its weights differ); "
                "put the original back, or choose this one with set-model (earlier images then cannot be remade exactly)");
  return session;
}

std::string set_project_model(store::Project& project, const fs::path& model, const SessionOptions& options) {
  auto session = ModelSession::open(model, options);
  return set_project_model(project, *session);
}

std::string set_project_model(store::Project& project, ModelSession& session) {
  const std::string hash = session.weights_hash();
  project.set_base_model({fs::absolute(session.model_path()).lexically_normal().u8string(), hash});
  return hash;
}

void use_project_concept(ModelSession& session, const store::Project& project, std::int64_t concept_id) {
  const store::Concept c = project.get_concept(concept_id);
  if (!c.package_size)
    throw Error(ErrorCode::InvalidArgument,
                "the product \"" + c.spec.name + "\" is not trained yet; train it before generating with it");
  auto& impl = session.impl();
  const std::string key = project.path().u8string() + "\n" + std::to_string(c.id) + "\n" + c.updated_at;
  if (impl.applied_concept == key) return;
  if (impl.model.concept_backup) ml::remove_concept(impl.model);
  impl.applied_concept.clear();
  // The package goes through a private scratch file: the concept reader maps files.
  ScratchDir scratch("concept");
  const fs::path file = scratch.path() / "concept.safetensors";
  {
    std::ofstream out(file, std::ios::binary);
    if (!project.load_package(concept_id, out) || !out.flush())
      throw Error(ErrorCode::FileWrite, "could not unpack the product \"" + c.spec.name + "\" into " +
                                            scratch.path().u8string() + " (is the disk full?)");
  }
  ml::apply_concept(impl.model, ml::load_concept(file));
  impl.applied_concept = key;
}

}  // namespace rashisa::workflow
