#pragma once
// One training forward: noise the latents, predict, and add the attention regulariser.
// Shared by the trainer and the train_step parity test.
#include "engine/ml/schedulers/ddpm.h"
#include "engine/ml/schedulers/scheduler.h"
#include "engine/ml/unet/unet.h"

#include <map>
#include <string>

namespace rashisa::ml {

struct DiffusionLossInputs {
  torch::Tensor latents;                // [B,4,h,w], already times the VAE scaling factor
  torch::Tensor noise;                  // [B,4,h,w]
  torch::Tensor timesteps;              // [B] int64
  torch::Tensor encoder_hidden_states;  // [B,77,D]
  torch::Tensor placeholder_positions;  // [B] int64: index of <V>; undefined = no regulariser
};

struct DiffusionLossOptions {
  PredictionType prediction = PredictionType::Epsilon;
  double lambda_mean = 0.0;
  double lambda_var = 0.0;
  bool gradient_checkpointing = false;
};

struct DiffusionLossOutputs {
  torch::Tensor noisy_latents;
  torch::Tensor model_pred;
  torch::Tensor target;
  torch::Tensor mse;   // 0-d float32
  torch::Tensor reg;   // 0-d float32 (0 without placeholder positions)
  torch::Tensor loss;  // mse + reg
  std::map<std::string, torch::Tensor> columns;  // layer -> [B, heads, HW, 2] at (<V>, next)
};

DiffusionLossOutputs diffusion_loss(UNet2DConditionModel& unet, const DdpmTraining& ddpm,
                                    const DiffusionLossInputs& in, const DiffusionLossOptions& options);

}  // namespace rashisa::ml
