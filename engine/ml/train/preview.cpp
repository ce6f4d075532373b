#include "engine/ml/train/preview.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/token_heatmap.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/train/mixed_precision.h"

#include <torch/torch.h>

#include <algorithm>
#include <utility>

namespace rashisa::ml {

namespace {

/// Lends the model to a preview: the training tokenizer and the current <V> row in, every
/// module in eval mode; the destructor puts all of it back as it was.
class PreviewModelState {
 public:
  PreviewModelState(StableDiffusionModel& model, const PreviewInputs& in)
      : model_(model), tokenizer_(model.tokenizer), extra_(model.extra_token_embeddings) {
    for (torch::nn::Module* root : {static_cast<torch::nn::Module*>(model.unet.get()),
                                    static_cast<torch::nn::Module*>(model.text_encoder.get()),
                                    static_cast<torch::nn::Module*>(model.vae.get())}) {
      // Pre-order (the module before its children), so restoring in this order is exact.
      for (const auto& m : root->modules(/*include_self=*/true)) modes_.emplace_back(m, m->is_training());
      root->eval();
    }
    model.tokenizer = in.tokenizer;
    model.extra_token_embeddings[in.placeholder_id] = in.embedding.detach();
  }
  ~PreviewModelState() {
    model_.tokenizer = std::move(tokenizer_);
    model_.extra_token_embeddings = std::move(extra_);
    for (auto& [m, training] : modes_) m->train(training);
  }
  PreviewModelState(const PreviewModelState&) = delete;
  PreviewModelState& operator=(const PreviewModelState&) = delete;

 private:
  StableDiffusionModel& model_;
  std::shared_ptr<ClipTokenizer> tokenizer_;
  std::map<int64_t, torch::Tensor> extra_;
  std::vector<std::pair<std::shared_ptr<torch::nn::Module>, bool>> modes_;
};

}  // namespace

std::string preview_prompt(const TrainSettings& s) { return "a photo of " + s.placeholder + " " + s.category; }

bool is_preview_point(const PreviewSettings& p, int done, int stage_steps) {
  if (done < 1 || done > stage_steps) return false;
  return done == stage_steps || (p.every > 0 && done % p.every == 0);
}

int preview_size(const PreviewSettings& p, int resolution) { return p.size > 0 ? p.size : std::min(resolution, 384); }

void validate(const PreviewSettings& p) {
  auto bad = [](const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); };
  if (p.every < 0) bad("previews: 'every' must be 0 (stage ends only) or a number of steps");
  if (p.seeds.empty()) bad("previews need at least one seed");
  if (p.size != 0 && (p.size < 64 || p.size > 2048 || p.size % 8 != 0))
    bad("the preview size must be 0 (automatic) or a multiple of 8 from 64 to 2048 pixels");
  if (p.steps < 1 || p.steps > 1000) bad("previews need 1 to 1000 denoising steps (25 is the default)");
  if (!(p.guidance >= 0.0 && p.guidance <= 50.0)) bad("the preview guidance must be between 0 and 50 (7.5 is the default)");
}

std::vector<TrainPreview> make_previews(StableDiffusionModel& model, const TrainSettings& settings,
                                        const PreviewInputs& in, int stage, int step, const CancelToken* cancel) {
  validate(settings.preview);
  const int size = preview_size(settings.preview, settings.augment.resolution);
  const std::string prompt = preview_prompt(settings);
  const auto ids = in.tokenizer->tokenize(prompt).input_ids;
  const auto at = std::find(ids.begin(), ids.end(), in.placeholder_id);
  if (at == ids.end())
    throw Error(ErrorCode::Internal, "the preview prompt \"" + prompt + "\" lost its placeholder token");
  const int64_t position = at - ids.begin();

  torch::NoGradGuard no_grad;
  PreviewModelState lend(model, in);
  AutocastGuard autocast(in.autocast, in.autocast_dtype);
  std::vector<TrainPreview> out;
  for (const std::uint64_t seed : settings.preview.seeds) {
    GenerateParams g;
    g.prompt = prompt;
    g.steps = settings.preview.steps;
    g.guidance = settings.preview.guidance;
    g.sampler = SamplerKind::DPMSolverPP2M;
    g.width = g.height = size;
    g.seed = seed;
    TokenHeatMap heat(position, size / 8, size / 8, size, size);
    GenerateTrace trace;
    trace.on_attn2_probs = [&heat](const std::string&, const torch::Tensor& probs) { heat.add(probs); };
    const auto image = txt2img(model, g, {}, {}, cancel, &trace);  // [1,3,S,S] float32 CPU
    TrainPreview p;
    p.stage = stage;
    p.step = step;
    p.seed = seed;
    p.image = to_uint8_hwc(image);  // [S,S,3] uint8
    p.heat = heat.result();         // [S,S] float32
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace rashisa::ml
