#include "engine/ml/train/diffusion_loss.h"

#include "engine/ml/train/attention_regularizer.h"

#include <torch/torch.h>

namespace rashisa::ml {

// Ref: diffusers/examples/textual_inversion/textual_inversion.py (training loop) and the
// AttnDreamBooth training scripts for the regulariser.
DiffusionLossOutputs diffusion_loss(UNet2DConditionModel& unet, const DdpmTraining& ddpm,
                                    const DiffusionLossInputs& in, const DiffusionLossOptions& options) {
  DiffusionLossOutputs out;
  out.noisy_latents = ddpm.add_noise(in.latents, in.noise, in.timesteps);
  out.target = options.prediction == PredictionType::VPrediction ? ddpm.get_velocity(in.latents, in.noise, in.timesteps)
                                                                 : in.noise;
  UNetForwardContext ctx;
  ctx.gradient_checkpointing = options.gradient_checkpointing;
  const bool regularise = in.placeholder_positions.defined();
  if (regularise) {
    ctx.attn2_probs_sink = [&](const std::string& name, const torch::Tensor& probs) {
      out.columns[name] = placeholder_columns(probs, in.placeholder_positions);
    };
  }
  auto dtype = unet->parameters().front().scalar_type();
  out.model_pred = unet->forward(out.noisy_latents.to(dtype), in.timesteps, in.encoder_hidden_states.to(dtype), &ctx);
  out.mse = torch::mse_loss(out.model_pred.to(torch::kFloat32), out.target.to(torch::kFloat32));
  if (regularise && (options.lambda_mean != 0.0 || options.lambda_var != 0.0)) {
    std::vector<torch::Tensor> cols;
    for (auto& [name, c] : out.columns) cols.push_back(c);
    out.reg = attention_regularizer(cols, options.lambda_mean, options.lambda_var);
  } else {
    out.reg = torch::zeros({}, out.mse.options());
  }
  out.loss = out.mse + out.reg;
  return out;
}

}  // namespace rashisa::ml
