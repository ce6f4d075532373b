#include "engine/workflow/image_maker_p.h"

#include "engine/core/error.h"
#include "engine/media/image_file.h"
#include "engine/ml/pipeline/txt2img.h"
#include "engine/ml/schedulers/scheduler.h"
#include "engine/ml/train/concept.h"
#include "engine/workflow/model_session_p.h"

namespace rashisa::workflow {

namespace {

ml::GenerateParams generate_params(const store::GenerationParams& p) {
  ml::GenerateParams g;
  g.prompt = p.prompt;
  g.negative_prompt = p.negative_prompt;
  g.steps = p.steps;
  g.guidance = p.guidance;
  const auto sampler = ml::sampler_from_name(p.sampler);
  if (!sampler)
    throw Error(ErrorCode::InvalidArgument,
                "unknown sampler \"" + p.sampler + "\"; use dpmpp-2m, dpmpp-2m-karras, ddim, pndm or euler");
  g.sampler = *sampler;
  g.width = p.width;
  g.height = p.height;
  g.seed = static_cast<std::uint64_t>(p.seed);
  ml::validate(g);
  return g;
}

}  // namespace

std::vector<std::uint8_t> make_png(store::Project& project, ModelSession& session,
                                   const std::optional<std::int64_t>& concept_id, const store::GenerationParams& params,
                                   const ProgressCallback& progress, const CancelToken* cancel) {
  const ml::GenerateParams g = generate_params(params);
  auto& model = session.impl().model;
  if (concept_id) {
    use_project_concept(session, project, *concept_id);
  } else if (model.concept_backup) {
    ml::remove_concept(model);
    session.impl().applied_concept.clear();
  }
  const auto hwc = ml::to_uint8_hwc(ml::txt2img(model, g, {}, progress, cancel));  // [H,W,3]
  media::RgbImage rgb;
  rgb.height = static_cast<int>(hwc.size(0));
  rgb.width = static_cast<int>(hwc.size(1));
  rgb.pixels.assign(hwc.data_ptr<std::uint8_t>(), hwc.data_ptr<std::uint8_t>() + hwc.numel());
  return media::encode_png(rgb);
}

}  // namespace rashisa::workflow
