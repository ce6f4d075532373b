#include "engine/model_io/ldm_checkpoint.h"

#include "engine/core/error.h"
#include "engine/model_io/ldm_names.h"
#include "engine/model_io/model_check.h"
#include "engine/model_io/safetensors_torch.h"
#include "engine/model_io/state_dict.h"

#include <torch/torch.h>

#include <algorithm>
#include <cctype>

namespace rashisa::model_io {

namespace fs = std::filesystem;

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.compare(0, p.size(), p) == 0; }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// One converted component; a second source for the same name means the mapping is not
// one-to-one for this file, which would silently drop weights.
struct Sink {
  const char* component;
  std::map<std::string, torch::Tensor>& out;
  std::map<std::string, std::string> source;
  void put(const std::string& name, const torch::Tensor& t, const std::string& from) {
    if (!out.emplace(name, t).second)
      throw Error(ErrorCode::ModelMismatch, std::string("the checkpoint's ") + component + " tensors " +
                                                source[name] + " and " + from + " both map to " + name);
    source[name] = from;
  }
};

[[noreturn]] void report_unconverted(const fs::path& file, const std::vector<std::string>& names) {
  std::string msg = file.filename().u8string() + " has " + std::to_string(names.size()) +
                    " weights that a Stable Diffusion 1.x/2.x model does not have, so it is a different or modified "
                    "architecture: ";
  for (std::size_t i = 0; i < names.size() && i < 20; ++i) msg += (i ? ", " : "") + names[i];
  if (names.size() > 20) msg += ", ... and " + std::to_string(names.size() - 20) + " more";
  throw Error(ErrorCode::ModelMismatch, msg);
}

void require(const std::map<std::string, torch::Tensor>& part, const fs::path& file, const char* what) {
  if (part.empty())
    throw Error(ErrorCode::ModelMismatch,
                file.filename().u8string() + " has no " + what + " weights; it is not a complete Stable Diffusion "
                                             "checkpoint");
}

}  // namespace

bool guess_v_prediction(SdFamily family, const fs::path& file, const std::map<std::string, std::string>& metadata) {
  // Metadata written by the Stability model spec and by kohya-ss sd-scripts, when present.
  if (auto it = metadata.find("modelspec.prediction_type"); it != metadata.end()) {
    const std::string v = lower(it->second);
    if (v == "v" || v == "v_prediction" || v == "v-prediction") return true;
    if (v == "epsilon" || v == "eps") return false;
  }
  if (auto it = metadata.find("ss_v_parameterization"); it != metadata.end()) return lower(it->second) == "true";
  if (auto it = metadata.find("modelspec.architecture"); it != metadata.end()) {
    const std::string a = lower(it->second);
    if (a.size() > 2 && a.compare(a.size() - 2, 2, "-v") == 0) return true;
  }
  // The 768-px SD 2.x releases are the v-prediction ones ("v2-1_768-ema-pruned", "768-v-ema");
  // the 512-px ones ("v2-1_512-ema-pruned", "512-base-ema") predict epsilon.
  return family == SdFamily::SD2 && lower(file.stem().u8string()).find("768") != std::string::npos;
}

SingleFileModel load_single_file(const fs::path& file, std::optional<bool> v_prediction) {
  if (!fs::exists(file)) throw Error(ErrorCode::FileNotFound, "there is no checkpoint at " + file.u8string());
  if (fs::is_directory(file))
    throw Error(ErrorCode::InvalidArgument, file.u8string() + " is a folder, not a single-file checkpoint");
  const SafetensorsFile st = open_weights_file(file);
  ShapeMap shapes;
  for (const auto& t : st.tensors()) shapes.emplace(t.name, t.shape);

  SingleFileModel m;
  m.family = detect_sd_family(shapes);
  m.v_prediction_guess = v_prediction ? *v_prediction : guess_v_prediction(m.family, file, st.metadata());
  m.unet_config = synthesize_unet_config(shapes, m.family, m.v_prediction_guess);
  m.vae_config = synthesize_vae_config(shapes, m.family);
  m.text_encoder_config = synthesize_text_encoder_config(shapes, m.family);
  m.scheduler_config = synthesize_scheduler_config(m.family, m.v_prediction_guess);
  const auto channels = [&](const char* key) { return m.unet_config.at(key).get<std::int64_t>(); };
  if (channels("in_channels") != 4 || channels("out_channels") != 4)
    throw Error(ErrorCode::UnsupportedModel,
                file.filename().u8string() + " has a UNet with " + std::to_string(channels("in_channels")) +
                    " input channels (an inpainting, depth or other special model); only text-to-image models "
                    "with 4 latent channels are supported");

  const int lpb = m.unet_config.at("layers_per_block").get<int>();
  const int vae_levels = static_cast<int>(m.vae_config.at("block_out_channels").size());
  // SD 2.x conditions on the penultimate OpenCLIP layer; diffusers keeps only the layers used.
  const int keep_layers = m.text_encoder_config.at("num_hidden_layers").get<int>();

  Sink unet{"UNet", m.unet, {}}, vae{"VAE", m.vae, {}}, text{"text encoder", m.text_encoder, {}};
  std::vector<std::string> unconverted;
  for (const auto& info : st.tensors()) {
    const std::string& name = info.name;
    const bool in_unet = starts_with(name, kLdmUnetPrefix);
    const bool in_vae = starts_with(name, kLdmVaePrefix);
    const bool in_text = starts_with(name, kLdmTextPrefix);
    if (!in_unet && !in_vae && !in_text) continue;  // EMA copies, noise-schedule buffers, ...
    if (ldm_key_is_unused(name)) continue;
    if (in_unet) {
      if (auto k = ldm_unet_key_to_diffusers(name, lpb)) unet.put(*k, tensor_view(st, info), name);
      else unconverted.push_back(name);
    } else if (in_vae) {
      if (auto k = ldm_vae_key_to_diffusers(name, vae_levels)) vae.put(*k, tensor_view(st, info), name);
      else unconverted.push_back(name);
    } else if (m.family == SdFamily::SD1) {
      if (auto k = ldm_clip_key_to_transformers(name)) text.put(*k, tensor_view(st, info), name);
      else unconverted.push_back(name);
    } else {
      const auto keys = openclip_key_to_transformers(name, keep_layers);
      const std::string dropped = std::string(kLdmOpenClipPrefix) + "transformer.resblocks." +
                                  std::to_string(keep_layers) + ".";
      if (keys.empty()) {
        if (!starts_with(name, dropped)) unconverted.push_back(name);
        continue;
      }
      const torch::Tensor t = tensor_view(st, info);
      if (keys.size() == 1) {
        text.put(keys[0], t, name);
        continue;
      }
      // attn.in_proj_*: [3D, ...] packed q, k, v -> three [D, ...] views.
      if (t.dim() < 1 || t.size(0) % 3 != 0)
        throw Error(ErrorCode::ModelMismatch, name + " cannot be split into q, k and v: its shape is " +
                                                  c10::str(t.sizes()));
      const int64_t d = t.size(0) / 3;
      for (int64_t i = 0; i < 3; ++i) text.put(keys[i], t.narrow(0, i * d, d), name);
    }
  }
  if (!unconverted.empty()) report_unconverted(file, unconverted);
  require(m.unet, file, "UNet (model.diffusion_model.*)");
  require(m.vae, file, "VAE (first_stage_model.*)");
  require(m.text_encoder, file, "text encoder (cond_stage_model.*)");
  // The VAE mid-block attention projections are 1x1 convolutions in LDM: [C, C, 1, 1] -> [C, C].
  upgrade_legacy_vae_keys(m.vae);
  return m;
}

}  // namespace rashisa::model_io
