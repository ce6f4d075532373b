#include "engine/ml/train/trainer.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/cpu_threads.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/schedulers/ddpm.h"
#include "engine/ml/train/adamw.h"
#include "engine/ml/train/diffusion_loss.h"
#include "engine/ml/train/fused_backward.h"
#include "engine/ml/train/mixed_precision.h"
#include "engine/ml/train/photo_stream.h"
#include "engine/ml/train/preview.h"
#include "engine/ml/train/stochastic_rounding.h"
#include "engine/ml/train/train_checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <chrono>
#include <ctime>

namespace rashisa::ml {

namespace {

using ParamMap = std::map<std::string, torch::Tensor>;

// The fp16 loss scaler's state, kept beside the optimiser's in a checkpoint.
constexpr const char* kScalerScale = "loss_scaler.scale";
constexpr const char* kScalerGoodSteps = "loss_scaler.good_steps";

bool is_cross_attention_param(const std::string& name) {
  // Stage 2 trains every attn2 to_q/to_k/to_v/to_out.0 weight and the to_out.0 bias.
  return name.find(".attn2.") != std::string::npos &&
         (name.find(".to_q.") != std::string::npos || name.find(".to_k.") != std::string::npos ||
          name.find(".to_v.") != std::string::npos || name.find(".to_out.0.") != std::string::npos);
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

void validate(const std::vector<TrainingPhoto>& photos, const TrainSettings& s) {
  auto bad = [](const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); };
  if (photos.empty()) bad("add at least one photo of the product to train on (5 to 20 work best)");
  for (const auto& p : photos)
    if (!p.rgb.defined() || p.rgb.dim() != 3 || p.rgb.size(2) != 3 || p.rgb.scalar_type() != torch::kUInt8)
      bad("training photos must be decoded 8-bit RGB images");
  const int r = s.augment.resolution;
  if (r < 64 || r > 1024 || r % 8 != 0) bad("the training resolution must be a multiple of 8 from 64 to 1024 (512 is the default)");
  for (int k = 0; k < 3; ++k) {
    const auto& st = s.stages[k];
    if (st.steps < 0 || st.batch < 1 || !(st.lr >= 0))
      bad("stage " + std::to_string(k + 1) + " needs steps >= 0, batch >= 1 and a learning rate >= 0");
  }
  if (s.on_preview) validate(s.preview);
  if (const auto problem = plan_problem(s.memory); !problem.empty()) bad("memory plan \"" + s.memory.name + "\": " + problem);
}

/// Keeps a module on `here` for the guard's lifetime and moves it back to `back` after, when
/// `active` (never on the CPU, where there is nowhere to offload to).
class ModuleOn {
 public:
  ModuleOn(torch::nn::Module& m, torch::Device here, torch::Device back, bool active)
      : m_(m), back_(back), active_(active && here != back) {
    if (active_) m_.to(here);
  }
  ~ModuleOn() {
    if (active_) m_.to(back_);
  }
  ModuleOn(const ModuleOn&) = delete;
  ModuleOn& operator=(const ModuleOn&) = delete;

 private:
  torch::nn::Module& m_;
  torch::Device back_;
  bool active_;
};

nlohmann::json identity_of(const TrainSettings& s, const std::vector<TrainingPhoto>& photos, const std::string& base) {
  auto j = to_json(s);
  // The memory plan may change between runs (it does not change results on the CPU; a resume
  // converts the optimiser state between float32 and 8-bit moments).
  j.erase("memory_plan");
  j.erase("memory");
  std::vector<std::string> hashes;
  for (const auto& p : photos) hashes.push_back(p.sha256);
  j["photos"] = hashes;
  j["base_model_hash"] = base;
  return j;
}

/// The plan's bf16 weights apply on a GPU with autocast only (CPU training stays fp32).
bool uses_bf16_weights(const MemoryPlan& plan, const torch::Device& device) {
  return plan.weights == MemoryPlan::Weights::Bf16Stochastic && plan.mixed_precision && device.type() != torch::kCPU;
}

/// Everything one training job carries between steps and across a resume.
struct Job {
  Job(StableDiffusionModel& m, const std::vector<TrainingPhoto>& ph, const TrainSettings& s, const ProgressCallback& p,
      const CancelToken* c)
      : model(m), photos(ph), settings(s), progress(p), cancel(c), ddpm(m.scheduler_config) {}
  StableDiffusionModel& model;
  const std::vector<TrainingPhoto>& photos;
  const TrainSettings& settings;
  const ProgressCallback& progress;
  const CancelToken* cancel;
  DdpmTraining ddpm;
  std::shared_ptr<ClipTokenizer> tokenizer;  // the model's, plus the placeholder
  at::Generator gen;
  PhotoStream stream;
  torch::Tensor ids;        // [1,77] training prompt with <V>
  int64_t placeholder_id;
  int64_t position;         // index of <V> in ids
  torch::Tensor embedding;  // [D] float32, the <V> vector
  ParamMap base_unet;       // CPU copies of the base UNet parameters
  nlohmann::json identity;
  TrainResult result;
  torch::Dtype autocast_dtype;
  bool text_encoder_offloaded = false;  // on the CPU since stage 1 ended (plan.text_encoder_offload)
  std::chrono::steady_clock::time_point last_checkpoint = std::chrono::steady_clock::now();
};

/// Augmented batch -> posterior-sampled latents, noise and timesteps, all from the job's generator.
DiffusionLossInputs draw_batch(Job& job, int batch) {
  const auto dev = job.model.device;
  const int r = job.settings.augment.resolution;
  std::vector<torch::Tensor> images;
  for (int64_t idx : job.stream.next(batch, job.gen)) {
    const auto draw = draw_augmentation(job.settings.augment, job.gen);
    images.push_back(augment(job.photos[idx].rgb.to(dev), draw, job.settings.augment));
  }
  const int64_t ch = job.model.vae->config().latent_channels;
  auto eps = torch::randn({batch, ch, r / 8, r / 8}, job.gen).to(dev);
  DiffusionLossInputs in;
  in.noise = torch::randn({batch, ch, r / 8, r / 8}, job.gen).to(dev);
  in.timesteps = torch::randint(0, job.model.scheduler_config.num_train_timesteps, {batch}, job.gen, torch::kInt64).to(dev);
  {
    // [B,3,R,R] -> latents [B,4,R/8,R/8], a micro-batch at a time (the VAE encoder's activations
    // at 512 px are large), never recording gradients.
    torch::NoGradGuard no_grad;
    const auto pixels = torch::stack(images);
    const auto& plan = job.settings.memory;
    const int per = plan.vae_batch > 0 ? plan.vae_batch : plan.micro_batch;
    const int micro = per > 0 ? std::min(per, batch) : batch;
    ModuleOn vae_here(*job.model.vae, dev, torch::kCPU, plan.vae_offload);
    std::vector<torch::Tensor> latents;
    for (int64_t start = 0; start < batch; start += micro) {
      const int64_t n = std::min<int64_t>(micro, batch - start);
      auto dist = job.model.vae->encode(pixels.narrow(0, start, n));
      latents.push_back(dist.sample(eps.narrow(0, start, n)));
    }
    in.latents = (latents.size() == 1 ? latents.front() : torch::cat(latents)) * job.model.vae->config().scaling_factor;
  }
  in.placeholder_positions = torch::full({batch}, job.position, torch::TensorOptions().dtype(torch::kInt64).device(dev));
  return in;
}

void save_checkpoint(Job& job, int stage, int step, const AdamW& opt, const LossScaler& scaler) {
  if (job.settings.checkpoint_dir.empty()) return;
  TrainCheckpoint c;
  c.stage = stage;
  c.step = step;
  c.embedding = job.embedding.detach().to(torch::kCPU);
  if (stage >= 2) {
    for (const auto& item : job.model.unet->named_parameters()) {
      if (stage == 2 && !is_cross_attention_param(item.key())) continue;
      c.unet[item.key()] = item.value().detach().to(torch::kCPU);
    }
  }
  c.optimizer = opt.state();
  for (auto& [k, v] : c.optimizer) v = v.to(torch::kCPU);
  if (scaler.enabled()) {
    // fp16 loss scaling: a resume continues with the same scale.
    c.optimizer[kScalerScale] = torch::tensor(scaler.value(), torch::kFloat64);
    c.optimizer[kScalerGoodSteps] = torch::tensor(static_cast<int64_t>(scaler.good_steps()), torch::kInt64);
  }
  c.rng_state = job.gen.get_state();
  c.photo_order = job.stream.order();
  c.photo_cursor = job.stream.cursor();
  c.identity = job.identity;
  for (int k = 0; k < 3; ++k) {
    c.losses["stage" + std::to_string(k + 1)] = job.result.losses[k];
    c.losses["stage" + std::to_string(k + 1) + "_reg"] = job.result.reg_losses[k];
  }
  save_train_checkpoint(job.settings.checkpoint_dir, c);
  job.last_checkpoint = std::chrono::steady_clock::now();
  if (job.settings.on_checkpoint) job.settings.on_checkpoint(checkpoint_path(job.settings.checkpoint_dir), stage, step);
}

bool is_out_of_memory(const c10::Error& e) {
  return std::string(e.what_without_backtrace()).find("out of memory") != std::string::npos;
}

/// The typed error for running out of memory anywhere in a run (model moves, optimiser state,
/// steps, checkpoint copies, VAE encodes, previews): it names the next smaller memory setting,
/// never the same one again; after the smallest, what else frees memory.
[[noreturn]] void rethrow_oom(const MemoryPlan& plan, const std::string& where) {
  const auto next = smaller_memory_plan(plan.name);
  const std::string advice =
      next ? "the next smaller memory setting is \"" + next->name + "\" (or close other programs using the GPU)"
           : "close other programs using the GPU, or train at a lower resolution (384 instead of 512); \"" +
                 plan.name + "\" is already the smallest memory setting";
  throw Error(ErrorCode::OutOfMemory, "the GPU ran out of memory " + where + " with the \"" + plan.name +
                                          "\" memory setting; " + advice +
                                          ". Training can resume from its last checkpoint.");
}

/// The previews of one point, handed to settings.on_preview. They run between two optimiser
/// steps and leave the job as they found it (preview.h). Cancelled during them, the job
/// checkpoints the step just done and stops.
void preview_point(Job& job, int stage, int done, const AdamW& opt, const LossScaler& scaler) {
  PreviewInputs in;
  in.tokenizer = job.tokenizer;
  in.placeholder_id = job.placeholder_id;
  in.embedding = job.embedding;
  in.autocast = job.settings.memory.mixed_precision && job.model.device.is_cuda();
  in.autocast_dtype = job.autocast_dtype;
  std::vector<TrainPreview> previews;
  try {
    ModuleOn te_here(*job.model.text_encoder, job.model.device, torch::kCPU, job.text_encoder_offloaded);
    ModuleOn vae_here(*job.model.vae, job.model.device, torch::kCPU, job.settings.memory.vae_offload);
    previews = make_previews(job.model, job.settings, in, stage, done, job.cancel);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Cancelled) save_checkpoint(job, stage, done, opt, scaler);
    throw;
  } catch (const c10::Error& e) {
    if (is_out_of_memory(e)) rethrow_oom(job.settings.memory, "while making a training preview");
    throw;
  }
  for (const auto& p : previews) job.settings.on_preview(p);
}

/// One optimiser step of one stage. Returns (loss, reg).
/// With `fused`, the whole batch is one backward and the step happens inside it
/// (fused_backward.h); otherwise gradients accumulate over the micro-batches and one step follows.
std::pair<double, double> train_step(Job& job, int stage, AdamW& opt, LossScaler& scaler, FusedBackward* fused,
                                     const std::vector<torch::Tensor>& params, const torch::Tensor& fixed_ehs) {
  const auto& st = job.settings.stages[stage - 1];
  auto in = draw_batch(job, st.batch);
  const int micro = job.settings.memory.micro_batch > 0 ? std::min(job.settings.memory.micro_batch, st.batch) : st.batch;
  TORCH_CHECK(!fused || (micro == st.batch && !scaler.enabled()),
              "the fused optimiser step needs the whole batch in one backward pass and no loss scaling");
  DiffusionLossOptions options;
  options.prediction = job.model.scheduler_config.prediction_type;
  options.lambda_mean = st.lambda_mean;
  options.lambda_var = st.lambda_var;
  options.gradient_checkpointing = job.settings.memory.gradient_checkpointing;
  const bool autocast = job.settings.memory.mixed_precision && job.model.device.is_cuda();
  double loss_sum = 0.0, reg_sum = 0.0;
  for (int64_t start = 0; start < st.batch; start += micro) {
    const int64_t n = std::min<int64_t>(micro, st.batch - start);
    DiffusionLossInputs part;
    part.latents = in.latents.narrow(0, start, n);
    part.noise = in.noise.narrow(0, start, n);
    part.timesteps = in.timesteps.narrow(0, start, n);
    part.placeholder_positions = in.placeholder_positions.narrow(0, start, n);
    torch::Tensor mse_w, reg;
    {
      AutocastGuard guard(autocast, job.autocast_dtype);
      if (stage == 1) {
        auto ids = job.ids.expand({n, job.ids.size(1)});
        part.encoder_hidden_states = encode_ids(job.model, ids, {{job.placeholder_id, job.embedding}});
      } else {
        part.encoder_hidden_states = fixed_ehs.expand({n, fixed_ehs.size(1), fixed_ehs.size(2)});
      }
      auto out = diffusion_loss(job.model.unet, job.ddpm, part, options);
      // The batch's MSE is a mean over all samples; the regulariser is a sum over them.
      mse_w = out.mse * (static_cast<double>(n) / st.batch);
      reg = out.reg;
    }
    loss_sum += mse_w.item<double>() + reg.item<double>();
    reg_sum += reg.item<double>();
    if (fused) {
      fused->backward(mse_w + reg);
      return {loss_sum, reg_sum};
    }
    scaler.scale(mse_w + reg).backward();
  }
  if (scaler.unscale(params)) opt.step();
  opt.zero_grad();
  return {loss_sum, reg_sum};
}

void run_stage(Job& job, int stage, int start_step, const std::map<std::string, torch::Tensor>* optimizer_state) {
  const auto& st = job.settings.stages[stage - 1];
  std::vector<std::string> names;
  std::vector<torch::Tensor> params;
  for (auto& p : job.model.unet->parameters()) p.set_requires_grad(false);
  torch::Tensor fixed_ehs;
  if (stage == 1) {
    job.embedding.set_requires_grad(true);
    names.push_back("embedding");
    params.push_back(job.embedding);
  } else {
    job.embedding.set_requires_grad(false);
    torch::NoGradGuard no_grad;
    fixed_ehs = encode_ids(job.model, job.ids, {{job.placeholder_id, job.embedding}}).detach();  // [1,77,D], constant
    if (job.settings.memory.text_encoder_offload && job.model.device.type() != torch::kCPU && !job.text_encoder_offloaded) {
      job.model.text_encoder->to(torch::kCPU);  // not needed again until the end (previews bring it back)
      job.text_encoder_offloaded = true;
    }
  }
  const auto& plan = job.settings.memory;
  if (stage >= 2) {
    for (auto& item : job.model.unet->named_parameters()) {
      if (stage == 2 && !is_cross_attention_param(item.key())) continue;
      item.value().set_requires_grad(true);
      names.push_back(item.key());
      params.push_back(item.value());
    }
  }
  AdamWOptions ao{st.lr, 0.9, 0.999, 1e-8, 0.01};
  if (plan.optimizer_moments == MemoryPlan::Moments::Blockwise8bit) ao.moments = MomentStorage::Blockwise8bit;
  ao.stochastic_rounding = uses_bf16_weights(job.settings.memory, job.model.device);
  ao.rounding_seed = rounding_key(job.settings.seed, static_cast<std::uint64_t>(stage), 0);
  AdamW opt(names, params, ao);
  if (optimizer_state) opt.load_state(*optimizer_state);
  LossScaler scaler(job.settings.memory.mixed_precision && job.model.device.is_cuda() &&
                    job.autocast_dtype == torch::kFloat16);
  if (optimizer_state && optimizer_state->count(kScalerScale) && optimizer_state->count(kScalerGoodSteps))
    scaler.restore(optimizer_state->at(kScalerScale).item<double>(),
                   static_cast<int>(optimizer_state->at(kScalerGoodSteps).item<int64_t>()));
  // Fused only without loss scaling (a GPU without bf16 takes the plain step).
  std::optional<FusedBackward> fused;
  if (plan.fused_backward && !scaler.enabled()) fused.emplace(opt);

  const std::string label = "stage" + std::to_string(stage);
  StepTimer timer(st.steps - start_step);
  const auto t0 = std::chrono::steady_clock::now();
  for (int step = start_step; step < st.steps; ++step) {
    if (job.cancel && job.cancel->cancelled()) {
      save_checkpoint(job, stage, step, opt, scaler);
      throw Error(ErrorCode::Cancelled, "training stopped; it can resume from its checkpoint");
    }
    std::pair<double, double> losses;
    try {
      losses = train_step(job, stage, opt, scaler, fused ? &*fused : nullptr, params, fixed_ehs);
    } catch (const c10::Error& e) {
      if (is_out_of_memory(e)) rethrow_oom(job.settings.memory, "during a training step");
      throw;
    }
    job.result.losses[stage - 1].push_back(losses.first);
    job.result.reg_losses[stage - 1].push_back(losses.second);
    const bool last = step + 1 == st.steps;
    // Before the step's checkpoint: a crash in between makes the resumed run preview it again.
    if (job.settings.on_preview && is_preview_point(job.settings.preview, step + 1, st.steps))
      preview_point(job, stage, step + 1, opt, scaler);
    const bool periodic = job.settings.checkpoint_every > 0 && (step + 1) % job.settings.checkpoint_every == 0 &&
                          std::chrono::duration<double>(std::chrono::steady_clock::now() - job.last_checkpoint).count() >=
                              job.settings.checkpoint_min_seconds;
    if (last || periodic) save_checkpoint(job, stage, step + 1, opt, scaler);
    Progress p = timer.tick(label);
    p.step = step + 1;
    p.total = st.steps;
    p.loss = losses.first;
    p.reg_loss = losses.second;
    if (job.progress && !job.progress(p)) {
      if (!last) save_checkpoint(job, stage, step + 1, opt, scaler);
      throw Error(ErrorCode::Cancelled, "training stopped; it can resume from its checkpoint");
    }
  }
  if (st.steps == start_step) save_checkpoint(job, stage, st.steps, opt, scaler);
  job.result.seconds[stage - 1] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  job.embedding.set_requires_grad(false);
  for (auto& p : params) p.set_requires_grad(false);
  fused.reset();
}

}  // namespace

std::string training_prompt(const ClipTokenizer& tokenizer, const TrainSettings& s) {
  if (!tokenizer.single_token_id(s.category))
    throw Error(ErrorCode::InvalidArgument,
                "the category \"" + s.category +
                    "\" is not a single word the text encoder knows; choose a simple one-word English category such "
                    "as mug, bottle, bag, toy, shoe, watch or chair");
  return "a photo of a " + s.placeholder + " " + s.category;
}

namespace {

/// Puts the base UNet weights back however train_concept() ends.
class RestoreUnet {
 public:
  RestoreUnet(UNet2DConditionModel& unet, const ParamMap& base) : unet_(unet), base_(base) {}
  ~RestoreUnet() {
    torch::NoGradGuard no_grad;
    for (auto& item : unet_->named_parameters()) {
      item.value().set_requires_grad(false);
      auto it = base_.find(item.key());
      if (it == base_.end()) continue;
      // A run with bf16 weights (MemoryPlan::Weights) that stopped early: give back the base dtype.
      if (item.value().scalar_type() != it->second.scalar_type())
        item.value().set_data(item.value().detach().to(it->second.scalar_type()));
      item.value().copy_(it->second);
    }
  }

 private:
  UNet2DConditionModel& unet_;
  const ParamMap& base_;
};

}  // namespace

TrainResult train_concept(StableDiffusionModel& model, const std::vector<TrainingPhoto>& photos,
                          const TrainSettings& settings, const ProgressCallback& progress, const CancelToken* cancel) {
  configure_cpu_threads();
  validate(photos, settings);
  remove_concept(model);  // always train on the base
  auto tokenizer = std::make_shared<ClipTokenizer>(*model.tokenizer);
  const std::string prompt = training_prompt(*tokenizer, settings);
  const int64_t category_id = *tokenizer->single_token_id(settings.category);
  if (tokenizer->token_id(settings.placeholder))
    throw Error(ErrorCode::InvalidArgument, "the placeholder \"" + settings.placeholder + "\" is already a word of the model");

  // Only what a stage trains ever has requires_grad: the text encoder and the VAE never
  // collect gradients (stage 1 back-propagates through the text encoder to <V> only).
  for (auto* module : std::initializer_list<torch::nn::Module*>{model.text_encoder.get(), model.unet.get(), model.vae.get()})
    for (auto& p : module->parameters()) {
      p.set_requires_grad(false);
      if (p.grad().defined()) p.mutable_grad() = torch::Tensor();
    }
  Job job(model, photos, settings, progress, cancel);
  job.tokenizer = tokenizer;
  job.placeholder_id = tokenizer->add_token(settings.placeholder);
  const auto tokens = tokenizer->tokenize(prompt);
  job.ids = torch::tensor(tokens.input_ids, torch::kInt64).unsqueeze(0).to(model.device);  // [1,77]
  const auto it = std::find(tokens.input_ids.begin(), tokens.input_ids.end(), job.placeholder_id);
  job.position = it - tokens.input_ids.begin();
  job.autocast_dtype = autocast_dtype_for(model.device);
  const std::string base_hash = model_weights_hash(model);
  job.identity = identity_of(settings, photos, base_hash);
  job.gen = at::detail::createCPUGenerator(settings.seed);
  job.stream = PhotoStream(static_cast<int64_t>(photos.size()), job.gen);
  {
    torch::NoGradGuard no_grad;
    // Stage 1 starts <V> from the category word's embedding.
    job.embedding = model.text_encoder->token_embedding_weight()[category_id].detach().to(torch::kFloat32).clone();
    for (const auto& item : model.unet->named_parameters())
      job.base_unet[item.key()] = item.value().detach().to(torch::kCPU).clone();
  }
  RestoreUnet restore(model.unet, job.base_unet);
  ModuleOn vae_off(*model.vae, torch::kCPU, model.device, settings.memory.vae_offload);
  struct TextEncoderBack {  // undoes the text encoder's offload however the run ends
    Job& job;
    ~TextEncoderBack() {
      if (job.text_encoder_offloaded) job.model.text_encoder->to(job.model.device);
      job.text_encoder_offloaded = false;
    }
  } text_encoder_back{job};

  int start_stage = 1, start_step = 0;
  std::optional<TrainCheckpoint> ckpt;
  if (settings.resume && !settings.checkpoint_dir.empty()) ckpt = load_train_checkpoint(settings.checkpoint_dir);
  if (ckpt) {
    if (ckpt->identity != job.identity)
      throw Error(ErrorCode::InvalidArgument,
                  "the checkpoint in " + settings.checkpoint_dir.u8string() +
                      " belongs to a different training job (other photos, settings or base model); start without "
                      "--resume or choose another checkpoint folder");
    torch::NoGradGuard no_grad;
    job.embedding = ckpt->embedding.to(model.device, torch::kFloat32).clone();
    auto params = model.unet->named_parameters();
    for (const auto& [name, value] : ckpt->unet) {
      auto* p = params.find(name);
      if (!p) throw Error(ErrorCode::FileFormat, "the checkpoint has an unknown UNet weight " + name);
      p->copy_(value);
    }
    job.gen.set_state(ckpt->rng_state);
    job.stream.restore(ckpt->photo_order, ckpt->photo_cursor);
    for (int k = 0; k < 3; ++k) {
      job.result.losses[k] = ckpt->losses.value("stage" + std::to_string(k + 1), std::vector<double>{});
      job.result.reg_losses[k] = ckpt->losses.value("stage" + std::to_string(k + 1) + "_reg", std::vector<double>{});
    }
    start_stage = ckpt->stage;
    start_step = ckpt->step;
    if (start_step >= settings.stages[start_stage - 1].steps) {
      ++start_stage;
      start_step = 0;
    }
    job.result.resumed_stage = start_stage;
    job.result.resumed_step = start_step;
  } else {
    job.embedding = job.embedding.to(model.device);
  }

  // bf16 weights: the whole UNet in bf16 for the run (autocast computes in bf16 anyway); the
  // Tensor objects stay, only their data changes. Back to fp32 before the concept is taken.
  const bool bf16_weights = uses_bf16_weights(settings.memory, model.device);
  if (bf16_weights) model.unet->to(torch::kBFloat16);
  for (int stage = start_stage; stage <= 3; ++stage) {
    const bool resumed_mid_stage = ckpt && stage == start_stage && start_step > 0;
    try {
      run_stage(job, stage, stage == start_stage ? start_step : 0, resumed_mid_stage ? &ckpt->optimizer : nullptr);
    } catch (const c10::Error& e) {
      // Outside the steps: moving models, the optimiser's state, checkpoint copies.
      if (is_out_of_memory(e)) rethrow_oom(settings.memory, "in stage " + std::to_string(stage));
      throw;
    }
  }

  if (bf16_weights) model.unet->to(torch::kFloat32);
  Concept& c = job.result.trained;
  c.token = settings.placeholder;
  c.category = settings.category;
  c.embedding = job.embedding.detach().to(torch::kCPU, torch::kFloat32).clone();
  {
    torch::NoGradGuard no_grad;
    for (const auto& item : model.unet->named_parameters()) {
      auto delta = item.value().detach().to(torch::kCPU, torch::kFloat32) - job.base_unet.at(item.key());
      if (delta.ne(0).any().item<bool>()) c.unet_delta[item.key()] = delta;
    }
  }
  c.base_model_hash = base_hash;
  c.base_model_name = model.info.source.filename().u8string();
  c.settings = to_json(settings);
  for (int k = 0; k < 3; ++k) {
    c.losses["stage" + std::to_string(k + 1)] = job.result.losses[k];
    c.losses["stage" + std::to_string(k + 1) + "_reg"] = job.result.reg_losses[k];
  }
  for (const auto& p : photos) c.photo_hashes.push_back(p.sha256);
  c.created = utc_now();
  c.rashisa_version = RASHISA_VERSION;
  return std::move(job.result);
}

}  // namespace rashisa::ml
