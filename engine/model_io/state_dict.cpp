#include "engine/model_io/state_dict.h"

#include "engine/core/error.h"
#include "engine/model_io/safetensors_torch.h"

#include <torch/torch.h>

#include <algorithm>
#include <regex>
#include <sstream>

namespace rashisa::model_io {

namespace {

constexpr std::size_t kListed = 20;

std::string shape_str(c10::IntArrayRef s) {
  std::ostringstream os;
  os << '[';
  for (std::size_t i = 0; i < s.size(); ++i) os << (i ? ", " : "") << s[i];
  os << ']';
  return os.str();
}

void append_list(std::ostringstream& os, const char* title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  os << "\n  " << title << " (" << items.size() << "): ";
  for (std::size_t i = 0; i < items.size() && i < kListed; ++i) os << (i ? ", " : "") << items[i];
  if (items.size() > kListed) os << ", ... and " << (items.size() - kListed) << " more";
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void load_state_dict(torch::nn::Module& module, const std::map<std::string, torch::Tensor>& state,
                     const std::string& what, const std::vector<std::string>& ignore_unexpected) {
  std::vector<std::regex> ignore;
  for (const auto& pattern : ignore_unexpected) {
    try {
      ignore.emplace_back(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      throw Error(ErrorCode::Internal, "bad ignore pattern \"" + pattern + "\": " + e.what());
    }
  }

  std::map<std::string, torch::Tensor> dest;
  for (const auto& item : module.named_parameters(/*recurse=*/true))
    if (item.value().defined()) dest.emplace(item.key(), item.value());
  for (const auto& item : module.named_buffers(/*recurse=*/true))
    if (item.value().defined()) dest.emplace(item.key(), item.value());

  std::vector<std::string> missing, unexpected, misshaped;
  for (const auto& [name, target] : dest) {
    auto it = state.find(name);
    if (it == state.end()) {
      missing.push_back(name);
    } else if (it->second.sizes() != target.sizes()) {
      misshaped.push_back(name + " (file " + shape_str(it->second.sizes()) + ", model " + shape_str(target.sizes()) +
                          ")");
    }
  }
  for (const auto& [name, tensor] : state) {
    if (dest.count(name)) continue;
    const bool ignored = std::any_of(ignore.begin(), ignore.end(),
                                     [&](const std::regex& re) { return std::regex_search(name, re); });
    if (!ignored) unexpected.push_back(name);
  }

  if (!missing.empty() || !unexpected.empty() || !misshaped.empty()) {
    std::ostringstream os;
    os << what << ": the weights do not fit the model";
    append_list(os, "missing in the file", missing);
    append_list(os, "not used by the model", unexpected);
    append_list(os, "wrong shape", misshaped);
    os << "\nCheck that the file belongs to this kind of model (for example not a Stable Diffusion 2 file "
          "for a Stable Diffusion 1 model) and that it is complete.";
    throw ModelError(ErrorCode::ModelMismatch, ModelFault::ConfigMismatch, os.str());
  }

  torch::NoGradGuard no_grad;
  for (auto& [name, target] : dest) target.copy_(state.at(name));
}

ParamSummary summarize(const std::map<std::string, torch::Tensor>& tensors) {
  ParamSummary s;
  for (const auto& [name, t] : tensors) {
    if (!t.defined()) continue;
    std::string dtype;
    try {
      dtype = dtype_name(from_scalar_type(t.scalar_type()));
    } catch (const Error&) {
      dtype = c10::toString(t.scalar_type());
    }
    s.count += t.numel();
    s.by_dtype[dtype] += t.numel();
  }
  return s;
}

void upgrade_legacy_vae_keys(std::map<std::string, torch::Tensor>& state) {
  // Ref: diffusers/src/diffusers/models/modeling_utils.py (_convert_deprecated_attention_blocks):
  // the old AttentionBlock named its projections query/key/value/proj_attn.
  static const std::pair<const char*, const char*> kRenames[] = {
      {"query", "to_q"}, {"key", "to_k"}, {"value", "to_v"}, {"proj_attn", "to_out.0"}};
  std::map<std::string, torch::Tensor> out;
  for (auto& [name, tensor] : state) {
    std::string renamed = name;
    if (name.find(".attentions.") != std::string::npos) {
      for (const auto& [from, to] : kRenames) {
        for (const char* leaf : {".weight", ".bias"}) {
          const std::string old_tail = std::string(".") + from + leaf;
          if (ends_with(name, old_tail)) renamed = name.substr(0, name.size() - old_tail.size()) + "." + to + leaf;
        }
      }
    }
    torch::Tensor t = tensor;
    // LDM checkpoints store these projections as 1x1 convolutions: [C, C, 1, 1] -> [C, C].
    if (renamed.find(".attentions.") != std::string::npos && ends_with(renamed, ".weight") && t.dim() > 2) {
      const bool projection = ends_with(renamed, ".to_q.weight") || ends_with(renamed, ".to_k.weight") ||
                              ends_with(renamed, ".to_v.weight") || ends_with(renamed, ".to_out.0.weight");
      bool ones = true;
      for (int64_t d = 2; d < t.dim(); ++d) ones = ones && t.size(d) == 1;
      if (projection && ones) t = t.reshape({t.size(0), t.size(1)});
    }
    if (!out.emplace(renamed, t).second || (renamed != name && state.count(renamed)))
      throw Error(ErrorCode::ModelMismatch,
                  "the VAE weights hold both the old and the new name of \"" + renamed + "\"; the file is inconsistent");
  }
  state = std::move(out);
}

}  // namespace rashisa::model_io
