#include "engine/workflow/model_summary.h"

#include "engine/ml/pipeline/sd_model.h"

namespace rashisa::workflow {

namespace fs = std::filesystem;

ModelSummary describe_model(const fs::path& model, const fs::path& tokenizer_dir) {
  ml::LoadOptions options;
  options.tokenizer_dir = tokenizer_dir;
  const ml::ModelInfo info = ml::inspect_model(model, options);
  // A single file carries no tokenizer; a model without one cannot be used, so say so now
  // rather than when it is loaded.
  if (info.layout == "single-file checkpoint") ml::load_tokenizer(model, options);

  ModelSummary s;
  std::error_code ec;
  const fs::path absolute = fs::absolute(model, ec);
  s.path = (ec ? model : absolute).lexically_normal().u8string();
  s.layout = info.layout;
  s.family = info.family == ml::ModelFamily::SD2 ? "SD 2.x" : "SD 1.x";
  s.v_prediction = info.prediction == ml::PredictionType::VPrediction;
  s.native_resolution = info.native_resolution;
  for (const auto& [name, component] : info.components) s.parameters += component.parameters;
  return s;
}

}  // namespace rashisa::workflow
