#include "engine/ml/pipeline/sd_model.h"

#include "engine/ml/pipeline/cpu_threads.h"

#include "engine/core/error.h"
#include "engine/model_io/diffusers_folder.h"
#include "engine/model_io/ldm_checkpoint.h"
#include "engine/model_io/model_check.h"
#include "engine/model_io/pickle_guard.h"
#include "engine/model_io/safetensors.h"
#include "engine/model_io/state_dict.h"

#include <torch/torch.h>

#include <cstdlib>

namespace rashisa::ml {

namespace fs = std::filesystem;
namespace mio = rashisa::model_io;

namespace {

bool is_single_file(const fs::path& path) { return fs::is_regular_file(path); }

ModelFamily family_of(const nlohmann::json& unet_config, const nlohmann::json& text_config) {
  const auto cross = unet_config.value("cross_attention_dim", 768);
  const auto act = text_config.value("hidden_act", std::string("quick_gelu"));
  return (cross == 1024 || act == "gelu") ? ModelFamily::SD2 : ModelFamily::SD1;
}

// Ref: diffusers pipeline_stable_diffusion.py: vae_scale_factor = 2 ** (len(vae.config.block_out_channels) - 1)
// and the default height = unet.config.sample_size * vae_scale_factor.
int native_resolution_of(const nlohmann::json& unet_config, const nlohmann::json& vae_config) {
  const auto sample = unet_config.find("sample_size");
  const int latent_side = sample != unet_config.end() && sample->is_number_integer() ? sample->get<int>() : 64;
  const auto blocks = vae_config.find("block_out_channels");
  const std::size_t levels = blocks != vae_config.end() && blocks->is_array() && !blocks->empty() ? blocks->size() : 4;
  return latent_side * (1 << (levels - 1));
}

ComponentInfo to_info(const mio::ParamSummary& s) {
  ComponentInfo c;
  c.parameters = s.count;
  c.parameters_by_dtype = s.by_dtype;
  return c;
}

// Single-file checkpoints carry no tokenizer: look beside the file, then the environment.
fs::path find_tokenizer_dir(const fs::path& file, const LoadOptions& options) {
  std::vector<fs::path> candidates;
  if (!options.tokenizer_dir.empty()) candidates.push_back(options.tokenizer_dir);
  candidates.push_back(file.parent_path() / "tokenizer");
  if (const char* env = std::getenv("RASHISA_TOKENIZER_DIR"); env && *env) candidates.emplace_back(env);
  for (const auto& dir : candidates)
    if (fs::exists(dir / "vocab.json") && fs::exists(dir / "merges.txt")) return dir;
  throw Error(ErrorCode::FileNotFound,
              "a single-file checkpoint has no tokenizer: put the CLIP tokenizer files (vocab.json and merges.txt) "
              "in a folder named \"tokenizer\" beside " + file.filename().u8string() +
                  ", or name the folder with --tokenizer");
}

template <typename Module>
void load_into(Module& module, const std::map<std::string, torch::Tensor>& weights, const std::string& what,
               const std::vector<std::string>& ignore = {}) {
  torch::NoGradGuard no_grad;
  mio::load_state_dict(*module, weights, what, ignore);
}

}  // namespace

const char* family_name(ModelFamily f) { return f == ModelFamily::SD2 ? "Stable Diffusion 2.x" : "Stable Diffusion 1.x"; }

ModelInfo inspect_model(const fs::path& path, const LoadOptions& options) {
  if (!fs::exists(path)) throw Error(ErrorCode::FileNotFound, "there is no model at " + path.u8string());
  ModelInfo info;
  info.source = path;
  if (is_single_file(path)) {
    auto m = mio::load_single_file(path, options.v_prediction);
    info.layout = "single-file checkpoint";
    info.family = m.family == mio::SdFamily::SD2 ? ModelFamily::SD2 : ModelFamily::SD1;
    info.prediction = SchedulerConfig::from_json(m.scheduler_config).prediction_type;
    info.native_resolution = native_resolution_of(m.unet_config, m.vae_config);
    mio::check_model_parts({path.u8string(), false, &m.unet_config, &m.vae_config, &m.text_encoder_config, &m.unet,
                            &m.vae, &m.text_encoder, {}});
    info.components["unet"] = to_info(mio::summarize(m.unet));
    info.components["vae"] = to_info(mio::summarize(m.vae));
    info.components["text_encoder"] = to_info(mio::summarize(m.text_encoder));
    return info;
  }
  auto folder = mio::DiffusersFolder::open(path, options.prefer_fp16_weights ? mio::WeightVariant::FP16
                                                                              : mio::WeightVariant::Auto);
  info.layout = "diffusers folder";
  info.family = family_of(folder.unet.config, folder.text_encoder.config);
  info.prediction = SchedulerConfig::from_json(folder.scheduler_config).prediction_type;
  info.native_resolution = native_resolution_of(folder.unet.config, folder.vae.config);
  const auto unet_w = mio::load_component_weights(folder.unet);
  const auto vae_w = mio::load_component_weights(folder.vae);
  const auto text_w = mio::load_component_weights(folder.text_encoder);
  mio::check_model_parts({path.u8string(), true, &folder.unet.config, &folder.vae.config, &folder.text_encoder.config,
                          &unet_w, &vae_w, &text_w, folder.tokenizer_dir});
  info.components["unet"] = to_info(mio::summarize(unet_w));
  info.components["vae"] = to_info(mio::summarize(vae_w));
  info.components["text_encoder"] = to_info(mio::summarize(text_w));
  return info;
}

ClipTokenizer load_tokenizer(const fs::path& path, const LoadOptions& options) {
  if (!fs::exists(path)) throw Error(ErrorCode::FileNotFound, "there is no model at " + path.u8string());
  if (is_single_file(path)) {
    mio::refuse_pickle(path);  // the same refusal as loading it, before any other advice
    return ClipTokenizer::from_folder(find_tokenizer_dir(path, options));
  }
  return ClipTokenizer::from_folder(mio::DiffusersFolder::open(path).tokenizer_dir);
}

StableDiffusionModel load_model(const fs::path& path, const LoadOptions& options) {
  configure_cpu_threads();  // before any torch math of the process
  if (!fs::exists(path)) throw Error(ErrorCode::FileNotFound, "there is no model at " + path.u8string());
  StableDiffusionModel m;
  m.device = options.device;
  m.dtype = options.dtype;
  m.info.source = path;

  nlohmann::json unet_cfg, vae_cfg, text_cfg, sched_cfg;
  fs::path tokenizer_dir;
  std::map<std::string, torch::Tensor> unet_w, vae_w, text_w;
  if (is_single_file(path)) {
    auto single = mio::load_single_file(path, options.v_prediction);
    m.info.layout = "single-file checkpoint";
    unet_cfg = single.unet_config;
    vae_cfg = single.vae_config;
    text_cfg = single.text_encoder_config;
    sched_cfg = single.scheduler_config;
    unet_w = std::move(single.unet);
    vae_w = std::move(single.vae);
    text_w = std::move(single.text_encoder);
    tokenizer_dir = find_tokenizer_dir(path, options);
  } else {
    auto folder = mio::DiffusersFolder::open(path, options.prefer_fp16_weights ? mio::WeightVariant::FP16
                                                                                : mio::WeightVariant::Auto);
    m.info.layout = "diffusers folder";
    unet_cfg = folder.unet.config;
    vae_cfg = folder.vae.config;
    text_cfg = folder.text_encoder.config;
    sched_cfg = folder.scheduler_config;
    unet_w = mio::load_component_weights(folder.unet);
    vae_w = mio::load_component_weights(folder.vae);
    mio::upgrade_legacy_vae_keys(vae_w);
    text_w = mio::load_component_weights(folder.text_encoder);
    tokenizer_dir = folder.tokenizer_dir;
  }
  // Before anything is built: a wrong, damaged or NaN-filled model stops here with a typed error.
  mio::check_model_parts({path.u8string(), m.info.layout == "diffusers folder", &unet_cfg, &vae_cfg, &text_cfg,
                          &unet_w, &vae_w, &text_w, tokenizer_dir});
  mio::check_finite(unet_w, "UNet", path.u8string());
  mio::check_finite(vae_w, "VAE", path.u8string());
  mio::check_finite(text_w, "text encoder", path.u8string());
  m.tokenizer = std::make_shared<ClipTokenizer>(ClipTokenizer::from_folder(tokenizer_dir));
  m.info.family = family_of(unet_cfg, text_cfg);
  m.scheduler_config = SchedulerConfig::from_json(sched_cfg);
  if (options.v_prediction) m.scheduler_config.prediction_type = *options.v_prediction ? PredictionType::VPrediction
                                                                                       : PredictionType::Epsilon;
  m.info.prediction = m.scheduler_config.prediction_type;
  m.info.native_resolution = native_resolution_of(unet_cfg, vae_cfg);
  m.info.components["unet"] = to_info(mio::summarize(unet_w));
  m.info.components["vae"] = to_info(mio::summarize(vae_w));
  m.info.components["text_encoder"] = to_info(mio::summarize(text_w));

  m.text_encoder = ClipTextModel(ClipTextConfig::from_json(text_cfg));
  load_into(m.text_encoder, text_w, "text encoder", {"text_model\\.embeddings\\.position_ids"});
  m.unet = UNet2DConditionModel(UNetConfig::from_json(unet_cfg));
  load_into(m.unet, unet_w, "UNet");
  m.vae = AutoencoderKL(VaeConfig::from_json(vae_cfg));
  load_into(m.vae, vae_w, "VAE");

  m.text_encoder->to(options.device, options.dtype);
  m.unet->to(options.device, options.dtype);
  m.vae->to(options.device, torch::kFloat32);
  m.text_encoder->eval();
  m.unet->eval();
  m.vae->eval();
  // Frozen: only the trainer turns on gradients, for what it trains. Otherwise stage 1, which
  // back-propagates through the text encoder to <V>, would also compute (and keep) a gradient
  // for every text-encoder weight.
  for (auto* module : std::initializer_list<torch::nn::Module*>{m.text_encoder.get(), m.unet.get(), m.vae.get()})
    for (auto& p : module->parameters()) p.set_requires_grad(false);
  return m;
}

}  // namespace rashisa::ml
