#include "tests/model_io/ldm_inverse.h"

#include <torch/torch.h>

#include <regex>
#include <stdexcept>

namespace rashisa::testing {

namespace {

// diffusers ResnetBlock2D leaf -> LDM ResBlock leaf.
std::string unet_resnet_leaf(const std::string& r) {
  static const std::pair<const char*, const char*> table[] = {
      {"norm1.", "in_layers.0."},  {"conv1.", "in_layers.2."},      {"norm2.", "out_layers.0."},
      {"conv2.", "out_layers.3."}, {"time_emb_proj.", "emb_layers.1."}, {"conv_shortcut.", "skip_connection."}};
  for (const auto& [from, to] : table)
    if (r.rfind(from, 0) == 0) return to + r.substr(std::string(from).size());
  throw std::runtime_error("unknown resnet leaf " + r);
}

std::string vae_resnet_leaf(const std::string& r) {
  if (r.rfind("conv_shortcut.", 0) == 0) return "nin_shortcut." + r.substr(14);
  return r;
}

std::string vae_attention_leaf(const std::string& r) {
  static const std::pair<const char*, const char*> table[] = {
      {"group_norm.", "norm."}, {"to_q.", "q."}, {"to_k.", "k."}, {"to_v.", "v."}, {"to_out.0.", "proj_out."}};
  for (const auto& [from, to] : table)
    if (r.rfind(from, 0) == 0) return to + r.substr(std::string(from).size());
  throw std::runtime_error("unknown vae attention leaf " + r);
}

}  // namespace

std::string unet_to_ldm(const std::string& key, int lpb, const std::set<int>& up_with_attention) {
  const std::string p = "model.diffusion_model.";
  std::smatch m;
  static const std::regex down_res(R"(down_blocks\.(\d+)\.resnets\.(\d+)\.(.+))");
  static const std::regex down_att(R"(down_blocks\.(\d+)\.attentions\.(\d+)\.(.+))");
  static const std::regex down_smp(R"(down_blocks\.(\d+)\.downsamplers\.0\.conv\.(.+))");
  static const std::regex up_res(R"(up_blocks\.(\d+)\.resnets\.(\d+)\.(.+))");
  static const std::regex up_att(R"(up_blocks\.(\d+)\.attentions\.(\d+)\.(.+))");
  static const std::regex up_smp(R"(up_blocks\.(\d+)\.upsamplers\.0\.conv\.(.+))");
  static const std::regex mid(R"(mid_block\.(resnets|attentions)\.(\d+)\.(.+))");
  static const std::regex simple(R"((time_embedding\.linear_1|time_embedding\.linear_2|conv_in|conv_norm_out|conv_out)\.(.+))");
  auto num = [&](int i) { return std::stoi(m[i].str()); };
  if (std::regex_match(key, m, simple)) {
    static const std::map<std::string, std::string> t = {{"time_embedding.linear_1", "time_embed.0"},
                                                         {"time_embedding.linear_2", "time_embed.2"},
                                                         {"conv_in", "input_blocks.0.0"},
                                                         {"conv_norm_out", "out.0"},
                                                         {"conv_out", "out.2"}};
    return p + t.at(m[1].str()) + "." + m[2].str();
  }
  const int per = lpb + 1;
  if (std::regex_match(key, m, down_res))
    return p + "input_blocks." + std::to_string(1 + num(1) * per + num(2)) + ".0." + unet_resnet_leaf(m[3].str());
  if (std::regex_match(key, m, down_att))
    return p + "input_blocks." + std::to_string(1 + num(1) * per + num(2)) + ".1." + m[3].str();
  if (std::regex_match(key, m, down_smp))
    return p + "input_blocks." + std::to_string(1 + num(1) * per + lpb) + ".0.op." + m[2].str();
  if (std::regex_match(key, m, up_res))
    return p + "output_blocks." + std::to_string(num(1) * per + num(2)) + ".0." + unet_resnet_leaf(m[3].str());
  if (std::regex_match(key, m, up_att))
    return p + "output_blocks." + std::to_string(num(1) * per + num(2)) + ".1." + m[3].str();
  if (std::regex_match(key, m, up_smp))
    return p + "output_blocks." + std::to_string(num(1) * per + lpb) + "." +
           (up_with_attention.count(num(1)) ? "2" : "1") + ".conv." + m[2].str();
  if (std::regex_match(key, m, mid)) {
    if (m[1] == "attentions") return p + "middle_block.1." + m[3].str();
    return p + "middle_block." + (num(2) == 0 ? "0." : "2.") + unet_resnet_leaf(m[3].str());
  }
  throw std::runtime_error("no LDM name for UNet key " + key);
}

std::string vae_to_ldm(const std::string& key, int levels) {
  const std::string p = "first_stage_model.";
  std::smatch m;
  static const std::regex enc_res(R"(encoder\.down_blocks\.(\d+)\.resnets\.(\d+)\.(.+))");
  static const std::regex enc_smp(R"(encoder\.down_blocks\.(\d+)\.downsamplers\.0\.conv\.(.+))");
  static const std::regex dec_res(R"(decoder\.up_blocks\.(\d+)\.resnets\.(\d+)\.(.+))");
  static const std::regex dec_smp(R"(decoder\.up_blocks\.(\d+)\.upsamplers\.0\.conv\.(.+))");
  static const std::regex mid_res(R"((encoder|decoder)\.mid_block\.resnets\.(\d+)\.(.+))");
  static const std::regex mid_att(R"((encoder|decoder)\.mid_block\.attentions\.0\.(.+))");
  static const std::regex norm_out(R"((encoder|decoder)\.conv_norm_out\.(.+))");
  auto num = [&](int i) { return std::stoi(m[i].str()); };
  if (std::regex_match(key, m, enc_res))
    return p + "encoder.down." + m[1].str() + ".block." + m[2].str() + "." + vae_resnet_leaf(m[3].str());
  if (std::regex_match(key, m, enc_smp)) return p + "encoder.down." + m[1].str() + ".downsample.conv." + m[2].str();
  if (std::regex_match(key, m, dec_res))
    return p + "decoder.up." + std::to_string(levels - 1 - num(1)) + ".block." + m[2].str() + "." +
           vae_resnet_leaf(m[3].str());
  if (std::regex_match(key, m, dec_smp))
    return p + "decoder.up." + std::to_string(levels - 1 - num(1)) + ".upsample.conv." + m[2].str();
  if (std::regex_match(key, m, mid_res))
    return p + m[1].str() + ".mid.block_" + std::to_string(num(2) + 1) + "." + vae_resnet_leaf(m[3].str());
  if (std::regex_match(key, m, mid_att)) return p + m[1].str() + ".mid.attn_1." + vae_attention_leaf(m[2].str());
  if (std::regex_match(key, m, norm_out)) return p + m[1].str() + ".norm_out." + m[2].str();
  return p + key;  // conv_in, conv_out, quant_conv, post_quant_conv keep their names
}

std::set<int> up_blocks_with_attention(const std::map<std::string, torch::Tensor>& unet) {
  std::set<int> out;
  static const std::regex re(R"(up_blocks\.(\d+)\.attentions\..*)");
  std::smatch m;
  for (const auto& [k, v] : unet)
    if (std::regex_match(k, m, re)) out.insert(std::stoi(m[1].str()));
  return out;
}

std::map<std::string, torch::Tensor> make_ldm_checkpoint(const std::map<std::string, torch::Tensor>& unet,
                                                         const std::map<std::string, torch::Tensor>& vae,
                                                         const std::map<std::string, torch::Tensor>& text, int lpb,
                                                         int vae_levels, bool openclip) {
  std::map<std::string, torch::Tensor> out;
  auto put = [&](const std::string& k, const torch::Tensor& t) {
    if (!out.emplace(k, t).second) throw std::runtime_error("two tensors for LDM key " + k);
  };
  const auto up_att = up_blocks_with_attention(unet);
  for (const auto& [k, t] : unet) put(unet_to_ldm(k, lpb, up_att), t);
  static const std::regex vae_proj(R"(.*mid_block\.attentions\.0\.(to_q|to_k|to_v|to_out\.0)\.weight)");
  for (const auto& [k, t] : vae)  // LDM stores these projections as 1x1 convolutions
    put(vae_to_ldm(k, vae_levels), std::regex_match(k, vae_proj) ? t.reshape({t.size(0), t.size(1), 1, 1}) : t);

  if (!openclip) {
    for (const auto& [k, t] : text) put("cond_stage_model.transformer." + k, t);
    return out;
  }
  const std::string p = "cond_stage_model.model.";
  static const std::regex layer(R"(text_model\.encoder\.layers\.(\d+)\.(.+))");
  int layers = 0;
  std::smatch m;
  for (const auto& [k, t] : text)
    if (std::regex_match(k, m, layer)) layers = std::max(layers, std::stoi(m[1].str()) + 1);
  static const std::map<std::string, std::string> leaf = {
      {"layer_norm1", "ln_1"}, {"layer_norm2", "ln_2"}, {"mlp.fc1", "mlp.c_fc"}, {"mlp.fc2", "mlp.c_proj"},
      {"self_attn.out_proj", "attn.out_proj"}};
  for (const auto& [k, t] : text) {
    if (k == "text_model.embeddings.token_embedding.weight") put(p + "token_embedding.weight", t);
    else if (k == "text_model.embeddings.position_embedding.weight") put(p + "positional_embedding", t);
    else if (k.rfind("text_model.final_layer_norm.", 0) == 0) put(p + "ln_final." + k.substr(28), t);
    else if (std::regex_match(k, m, layer)) {
      const std::string rest = m[2].str();
      const auto dot = rest.rfind('.');
      const std::string module = rest.substr(0, dot), param = rest.substr(dot + 1);
      if (module == "self_attn.q_proj" || module == "self_attn.k_proj" || module == "self_attn.v_proj") continue;
      put(p + "transformer.resblocks." + m[1].str() + "." + leaf.at(module) + "." + param, t);
    } else {
      throw std::runtime_error("no OpenCLIP name for " + k);
    }
  }
  for (int i = 0; i < layers; ++i) {
    const std::string l = "text_model.encoder.layers." + std::to_string(i) + ".self_attn.";
    const std::string r = p + "transformer.resblocks." + std::to_string(i) + ".attn.";
    put(r + "in_proj_weight", torch::cat({text.at(l + "q_proj.weight"), text.at(l + "k_proj.weight"),
                                          text.at(l + "v_proj.weight")}, 0));
    put(r + "in_proj_bias",
        torch::cat({text.at(l + "q_proj.bias"), text.at(l + "k_proj.bias"), text.at(l + "v_proj.bias")}, 0));
  }
  // The last OpenCLIP layer (SD 2 conditions on the penultimate one) and the unused projection head.
  std::vector<std::string> last;
  const std::string from = p + "transformer.resblocks." + std::to_string(layers - 1) + ".";
  const std::string to = p + "transformer.resblocks." + std::to_string(layers) + ".";
  for (const auto& [k, t] : out)
    if (k.rfind(from, 0) == 0) last.push_back(k);
  for (const auto& k : last) put(to + k.substr(from.size()), out.at(k) + 1.0);
  const auto hidden = text.at("text_model.embeddings.token_embedding.weight").size(1);
  put(p + "text_projection", torch::full({hidden, hidden / 2}, 0.5));
  put(p + "logit_scale", torch::full({}, 4.6));
  return out;
}

}  // namespace rashisa::testing
