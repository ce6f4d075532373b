#pragma once
// Where one prompt token looks in the image: its cross-attention column, collected from every
// attn2 layer of every denoising step (GenerateTrace::on_attn2_probs) into one map.
// Ref: lyuPang/AttnDreamBooth modules/hook.py (UNetCrossAttentionHooker: the conditional half
//      of the CFG batch at inference, one map per token and head);
//      wooyeolBaek/attention-map attention_map_diffusers/utils.py (save_attention_maps: sum over
//      heads, bilinear upsampling of every layer to one size, mean over layers and timesteps).
#include <torch/types.h>

#include <cstdint>
#include <utility>

namespace rashisa::ml {

/// The grid (rows, columns) of a UNet layer with `hw` query pixels for a latent of
/// latent_h x latent_w: ceil(h / 2^k) x ceil(w / 2^k) for the k whose product is `hw` (each
/// downsampler is a stride-2 convolution with padding 1). Throws Error(InvalidArgument) when
/// no k fits.
std::pair<int64_t, int64_t> attention_grid(int64_t hw, int64_t latent_h, int64_t latent_w);

class TokenHeatMap {
 public:
  /// `token`: the key column (e.g. the position of <V> in the prompt's 77 ids); the latent is
  /// latent_h x latent_w, the map out_h x out_w (the image's size).
  TokenHeatMap(int64_t token, int64_t latent_h, int64_t latent_w, int64_t out_h, int64_t out_w);

  /// probs: [B, heads, HW, keys] of one layer at one step, B = 2 * prompts as the CFG batch
  /// is ordered (negative rows first). Takes the positive half, averages it over its rows and
  /// the heads, upsamples the column (bilinear, align_corners=false) to the output size and
  /// adds it to the running sum (kept on probs' device, so no copy per layer).
  void add(const torch::Tensor& probs);

  /// Maps added so far (layers x steps).
  int64_t count() const { return count_; }

  /// The mean of the added maps divided by its maximum: [out_h, out_w] float32 on the CPU in
  /// [0, 1] with max 1 (all zeros when nothing was added or the token got no attention).
  torch::Tensor result() const;

 private:
  int64_t token_, latent_h_, latent_w_, out_h_, out_w_;
  torch::Tensor sum_;  // [out_h, out_w] float32
  int64_t count_ = 0;
};

}  // namespace rashisa::ml
