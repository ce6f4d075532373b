#include "engine/ml/train/concept.h"

#include "engine/core/error.h"
#include "engine/core/sha256.h"
#include "engine/model_io/safetensors_torch.h"

#include <torch/torch.h>

namespace rashisa::ml {

namespace {
constexpr const char* kFormat = "rashisa-concept/1";
constexpr const char* kEmbedding = "concept.embedding";
constexpr const char* kDeltaPrefix = "unet_delta.";

std::string short_hash(const std::string& h) { return h.substr(0, 12); }
}  // namespace

void save_concept(const std::filesystem::path& path, const Concept& c, bool fp32) {
  std::map<std::string, torch::Tensor> tensors;
  tensors[kEmbedding] = c.embedding.detach().to(torch::kCPU, torch::kFloat32);
  for (const auto& [name, delta] : c.unet_delta)
    tensors[kDeltaPrefix + name] = delta.detach().to(torch::kCPU, fp32 ? torch::kFloat32 : torch::kFloat16);
  nlohmann::json hashes = c.photo_hashes;
  std::map<std::string, std::string> meta = {
      {"format", kFormat},
      {"token", c.token},
      {"category", c.category},
      {"base_model_hash", c.base_model_hash},
      {"base_model_name", c.base_model_name},
      {"settings", c.settings.dump()},
      {"losses", c.losses.dump()},
      {"photo_hashes", hashes.dump()},
      {"created", c.created},
      {"rashisa_version", c.rashisa_version},
  };
  model_io::save_tensors(path, tensors, meta);
}

Concept load_concept(const std::filesystem::path& path) {
  auto file = model_io::SafetensorsFile::open(path);
  const auto& meta = file.metadata();
  auto it = meta.find("format");
  if (it == meta.end() || it->second != kFormat)
    throw Error(ErrorCode::FileFormat, path.u8string() + " is not a Rashisa concept file");
  auto get = [&](const char* key) {
    auto m = meta.find(key);
    return m == meta.end() ? std::string() : m->second;
  };
  Concept c;
  c.token = get("token");
  c.category = get("category");
  c.base_model_hash = get("base_model_hash");
  c.base_model_name = get("base_model_name");
  c.created = get("created");
  c.rashisa_version = get("rashisa_version");
  try {
    c.settings = nlohmann::json::parse(get("settings"));
    c.losses = nlohmann::json::parse(get("losses"));
    c.photo_hashes = nlohmann::json::parse(get("photo_hashes")).get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception&) {
    throw Error(ErrorCode::FileFormat, path.u8string() + " has damaged concept metadata");
  }
  if (c.token.empty() || c.category.empty() || !file.find(kEmbedding))
    throw Error(ErrorCode::FileFormat, path.u8string() + " is an incomplete concept file");
  const std::string prefix = kDeltaPrefix;
  for (auto& [name, t] : model_io::load_all(file)) {
    if (name == kEmbedding) {
      c.embedding = t.clone();
    } else if (name.compare(0, prefix.size(), prefix) == 0) {
      c.unet_delta[name.substr(prefix.size())] = t.clone();
    }
  }
  return c;
}

std::string model_weights_hash(StableDiffusionModel& model) {
  if (!model.weights_hash.empty()) return model.weights_hash;
  torch::NoGradGuard no_grad;
  Sha256 h;
  auto feed = [&](const std::string& prefix, torch::nn::Module& m, const std::map<std::string, torch::Tensor>& originals) {
    for (const auto& item : m.named_parameters()) {
      auto it = originals.find(item.key());
      const torch::Tensor& value = it != originals.end() ? it->second : item.value();
      const std::string name = prefix + item.key();
      h.update(name.data(), name.size());
      for (auto s : value.sizes()) h.update(&s, sizeof s);
      auto half = value.to(torch::kCPU, torch::kFloat16).contiguous();
      h.update(half.data_ptr(), half.numel() * half.element_size());
    }
  };
  // With a concept applied, hash the base weights it replaced.
  static const std::map<std::string, torch::Tensor> none;
  feed("unet.", *model.unet, model.concept_backup ? model.concept_backup->unet : none);
  feed("text_encoder.", *model.text_encoder, none);
  model.weights_hash = h.hex();
  return model.weights_hash;
}

void apply_concept(StableDiffusionModel& model, const Concept& c) {
  const std::string base = model_weights_hash(model);
  if (c.base_model_hash != base)
    throw Error(ErrorCode::ModelMismatch,
                "this concept was trained on the base model \"" + c.base_model_name + "\" (" +
                    short_hash(c.base_model_hash) + "), but the loaded model is \"" + model.info.source.u8string() +
                    "\" (" + short_hash(base) + "); load the base model it was trained on");
  if (model.concept_backup) remove_concept(model);
  const int64_t dim = model.text_encoder->token_embedding_weight().size(1);
  if (c.embedding.dim() != 1 || c.embedding.size(0) != dim)
    throw Error(ErrorCode::ModelMismatch, "the concept's embedding does not fit this text encoder");

  torch::NoGradGuard no_grad;
  StableDiffusionModel::ConceptBackup backup;
  backup.tokenizer = model.tokenizer;
  auto params = model.unet->named_parameters();
  for (const auto& [name, delta] : c.unet_delta) {
    auto* p = params.find(name);
    if (!p || p->sizes() != delta.sizes())
      throw Error(ErrorCode::ModelMismatch, "the concept changes UNet weight \"" + name + "\", which this model lacks");
  }
  for (const auto& [name, delta] : c.unet_delta) {
    auto& p = params[name];
    backup.unet[name] = p.detach().clone();
    p.add_(delta.to(p.device(), torch::kFloat32).to(p.scalar_type()));
  }
  auto tokenizer = std::make_shared<ClipTokenizer>(*model.tokenizer);
  const int64_t id = tokenizer->add_token(c.token);
  model.tokenizer = tokenizer;
  model.extra_token_embeddings[id] = c.embedding.to(model.device, torch::kFloat32);
  model.concept_backup = std::move(backup);
}

void remove_concept(StableDiffusionModel& model) {
  if (!model.concept_backup) return;
  torch::NoGradGuard no_grad;
  auto params = model.unet->named_parameters();
  for (const auto& [name, original] : model.concept_backup->unet) params[name].copy_(original);
  model.tokenizer = model.concept_backup->tokenizer;
  model.extra_token_embeddings.clear();
  model.concept_backup.reset();
}

}  // namespace rashisa::ml
