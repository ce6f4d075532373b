#include "engine/workflow/concept_training.h"

#include "engine/core/error.h"
#include "engine/ml/pipeline/device.h"
#include "engine/ml/train/concept.h"
#include "engine/ml/train/preview.h"
#include "engine/ml/train/train_checkpoint.h"
#include "engine/ml/train/trainer.h"
#include "engine/workflow/model_session_p.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/scratch_dir.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <numeric>

namespace rashisa::workflow {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

[[noreturn]] void bad(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }

json stages_to_json(const ml::StagePlan& plan) {
  json out = json::array();
  for (const auto& s : plan)
    out.push_back({{"steps", s.steps}, {"lr", s.lr}, {"batch", s.batch}, {"lambda_mean", s.lambda_mean},
                   {"lambda_var", s.lambda_var}});
  return out;
}

/// The stored setup back as trainer settings (everything but the device-dependent parts).
ml::TrainSettings settings_of(const store::Concept& c) {
  const json j = json::parse(c.spec.settings, nullptr, false);
  if (!j.is_object() || !j.contains("stages"))
    throw Error(ErrorCode::FileFormat, "the training settings of \"" + c.spec.name + "\" are damaged; set it up again");
  ml::TrainSettings s;
  s.category = c.spec.category;
  s.placeholder = c.spec.token;
  s.preset_name = j.value("preset", "default");
  s.seed = j.value("seed", std::uint64_t{0});
  s.augment.resolution = j.value("resolution", 512);
  s.checkpoint_every = j.value("checkpoint_every", 100);
  for (int k = 0; k < 3; ++k) {
    const json& st = j["stages"].at(k);
    s.stages[k].steps = st.at("steps").get<int>();
    s.stages[k].lr = st.at("lr").get<double>();
    s.stages[k].batch = st.at("batch").get<int>();
    s.stages[k].lambda_mean = st.at("lambda_mean").get<double>();
    s.stages[k].lambda_var = st.at("lambda_var").get<double>();
  }
  return s;
}

double mean_of(const std::vector<double>& v, bool first) {
  if (v.empty()) return 0.0;
  const std::size_t n = std::min<std::size_t>(10, v.size());
  const auto b = first ? v.begin() : v.end() - static_cast<std::ptrdiff_t>(n);
  return std::accumulate(b, b + static_cast<std::ptrdiff_t>(n), 0.0) / static_cast<double>(n);
}

std::vector<ml::TrainingPhoto> training_photos(const store::Project& project, std::int64_t concept_id) {
  std::vector<ml::TrainingPhoto> photos;
  for (auto id : project.concept_photos(concept_id)) {
    media::RgbImage img = photo_pixels(project, id);
    ml::TrainingPhoto p;
    p.rgb = torch::from_blob(img.pixels.data(), {img.height, img.width, 3}, torch::kUInt8).clone();
    p.sha256 = project.get_photo(id).sha256;
    photos.push_back(std::move(p));
  }
  if (photos.empty()) bad("this product has no photos; add photos to the project and set the product up again");
  return photos;
}

/// The trainer's preview settings for `run`, with on_preview storing each preview in the
/// project before handing it to run.on_preview. Nothing when previews are off.
void set_up_previews(ml::TrainSettings& settings, store::Project& project, std::int64_t concept_id,
                     const TrainRun& run) {
  if (!run.previews.enabled) return;
  const PreviewOptions& o = run.previews;
  settings.preview.every = o.every;
  settings.preview.size = o.size;
  settings.preview.steps = o.steps;
  settings.preview.seeds.clear();
  for (const auto seed : o.seeds) {
    if (seed < 0) bad("preview seeds must be between 0 and 2^63-1");
    settings.preview.seeds.push_back(static_cast<std::uint64_t>(seed));
  }
  ml::validate(settings.preview);
  settings.on_preview = [&project, concept_id, &run](const ml::TrainPreview& p) {
    const auto image = p.image.contiguous();  // [H,W,3] uint8
    const auto heat = p.heat.contiguous();    // [H,W] float32
    const TrainingPreview tp =
        encode_training_preview(p.stage, p.step, static_cast<std::int64_t>(p.seed), static_cast<int>(image.size(1)),
                                static_cast<int>(image.size(0)), image.data_ptr<std::uint8_t>(), heat.data_ptr<float>());
    project.add_preview(concept_id, {tp.stage, tp.step, tp.seed, tp.image_png, tp.heatmap_png});
    if (run.on_preview) run.on_preview(tp);
  };
}

}  // namespace

std::int64_t create_concept(store::Project& project, const ConceptSetup& setup) {
  if (setup.name.empty()) bad("give the product a name");
  if (setup.category.empty() || setup.category.find(' ') != std::string::npos)
    bad("the category must be one simple English word that says what the product is: mug, bottle, bag, toy, ...");
  const auto preset = ml::preset_from_name(setup.preset);
  if (!preset) bad("the preset must be default or fast");
  if (setup.resolution < 64 || setup.resolution > 1024 || setup.resolution % 8 != 0)
    bad("the training resolution must be a multiple of 8 from 64 to 1024");
  if (setup.checkpoint_every < 0) bad("checkpoint-every must be 0 or more steps");
  ml::StagePlan plan = ml::stage_plan(*preset);
  for (int k = 0; k < 3; ++k) {
    const auto& o = setup.stages[k];
    auto& st = plan[k];
    if (o.steps >= 0) st.steps = o.steps;
    if (o.lr >= 0) st.lr = o.lr;
    if (o.batch > 0) st.batch = o.batch;
    if (o.lambda_mean >= 0) st.lambda_mean = o.lambda_mean;
    if (o.lambda_var >= 0) st.lambda_var = o.lambda_var;
    if (st.steps > 100000 || st.batch > 256 || st.lr > 1.0)
      bad("stage " + std::to_string(k + 1) + ": steps up to 100000, batch up to 256 and a learning rate up to 1");
  }
  std::vector<std::int64_t> photos = setup.photo_ids;
  if (photos.empty())
    for (const auto& p : project.list_photos()) photos.push_back(p.id);
  if (photos.empty()) bad("the project has no photos yet; add 5 to 20 photos of the product first (add-photos)");
  for (const auto& c : project.list_concepts())
    if (c.spec.name == setup.name) bad("there is already a product called \"" + setup.name + "\"; choose another name");

  store::ConceptSpec spec;
  spec.name = setup.name;
  spec.token = "<rashisa>";
  spec.category = setup.category;
  spec.settings = json{{"preset", setup.preset},     {"seed", setup.seed},
                       {"resolution", setup.resolution}, {"checkpoint_every", setup.checkpoint_every},
                       {"fp32_delta", setup.fp32_delta}, {"stages", stages_to_json(plan)}}
                      .dump();
  const std::int64_t id = project.add_concept(spec);
  project.set_concept_photos(id, photos);
  return id;
}

store::Concept find_concept(const store::Project& project, const std::string& key) {
  std::string known;
  for (const auto& c : project.list_concepts()) {
    if (std::to_string(c.id) == key || c.spec.name == key) return c;
    known += (known.empty() ? "" : ", ") + std::to_string(c.id) + " (" + c.spec.name + ")";
  }
  bad("there is no product \"" + key + "\" in the project" +
      (known.empty() ? std::string("; set one up with train --name NAME --category WORD")
                     : "; the products are: " + known));
}

namespace {

/// Stores the memory setting in the product's training settings (not part of the job's identity:
/// it does not change the result on the CPU, and a resume may use another).
void remember_memory_plan(store::Project& project, std::int64_t concept_id, const std::string& plan) {
  store::Concept c = project.get_concept(concept_id);
  json j = json::parse(c.spec.settings, nullptr, false);
  if (!j.is_object() || j.value("memory_plan", std::string()) == plan) return;
  j["memory_plan"] = plan;
  c.spec.settings = j.dump();
  project.update_concept(concept_id, c.spec);
}

}  // namespace

TrainReport train_concept(store::Project& project, std::int64_t concept_id, ModelSession& session,
                          const TrainRun& run, const ProgressCallback& progress, const CancelToken* cancel) {
  store::Concept c = project.get_concept(concept_id);
  auto& model = session.impl().model;
  if (model.dtype != torch::kFloat32)
    throw Error(ErrorCode::Internal, "train_concept needs a session opened for training (fp32 weights)");
  ml::TrainSettings settings = settings_of(c);
  // The memory setting: the one asked for; else, on a GPU, the one this product last trained with
  // (a resume after running out of memory continues with the smaller one stored then); else
  // what fits the free memory now. The choice is stored with the product's settings.
  const std::string stored_plan = json::parse(c.spec.settings, nullptr, false).value("memory_plan", std::string());
  if (!run.memory_plan.empty()) {
    auto plan = ml::memory_plan_from_name(run.memory_plan);
    if (!plan) bad("the memory plan must be 24gb, 16gb, 12gb, 8gb or cpu");
    settings.memory = *plan;
  } else if (auto plan = ml::memory_plan_from_name(stored_plan); plan && model.device.is_cuda() && plan->name != "cpu") {
    settings.memory = *plan;
  } else {
    settings.memory = ml::memory_plan_for(model.device.is_cuda(), ml::free_device_memory(model.device));
  }
  remember_memory_plan(project, concept_id, settings.memory.name);
  ml::training_prompt(*model.tokenizer, settings);  // checks the category before any work
  const bool fp32_delta = json::parse(c.spec.settings).value("fp32_delta", false);
  const auto photos = training_photos(project, concept_id);

  if (run.restart) {
    project.clear_checkpoint(concept_id);
    c = project.get_concept(concept_id);
  }
  ScratchDir scratch("train");
  settings.checkpoint_dir = scratch.path();
  settings.checkpoint_min_seconds = run.checkpoint_min_seconds;
  if (c.checkpoint_size) {
    std::ofstream out(ml::checkpoint_path(scratch.path()), std::ios::binary);
    if (!project.load_checkpoint(concept_id, out) || !out.flush())
      throw Error(ErrorCode::FileWrite, "could not unpack the saved training progress into " + scratch.path().u8string());
    settings.resume = true;
  }
  set_up_previews(settings, project, concept_id, run);
  if (!settings.resume) project.clear_previews(concept_id);  // a fresh start: the old ones show another run
  store::ConceptProgress at = c.progress;
  settings.on_checkpoint = [&](const fs::path& file, int stage, int step) {
    std::ifstream in(file, std::ios::binary);
    const store::ConceptProgress next{store::ConceptStatus::Training, stage, step};
    project.save_checkpoint(concept_id, in, next);
    at = next;  // only once stored: a failed save (a full disk) leaves the progress of the kept one
  };
  project.set_concept_progress(concept_id, {store::ConceptStatus::Training, at.stage, at.step});

  ml::TrainResult result;
  try {
    result = ml::train_concept(model, photos, settings, progress, cancel);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::OutOfMemory) {
      // The error names the next smaller setting; the next run of this product uses it.
      if (const auto smaller = ml::smaller_memory_plan(settings.memory.name))
        remember_memory_plan(project, concept_id, smaller->name);
    }
    const bool paused = e.code() == ErrorCode::Cancelled;
    project.set_concept_progress(concept_id, {paused ? store::ConceptStatus::Paused : store::ConceptStatus::Failed,
                                              at.stage, at.step});
    if (settings.resume && e.code() == ErrorCode::InvalidArgument &&
        std::string(e.what()).find("different training job") != std::string::npos)
      bad("the saved training progress of \"" + c.spec.name +
          "\" was made with other photos, settings or base model; train again with --restart to start over");
    throw;
  } catch (...) {
    project.set_concept_progress(concept_id, {store::ConceptStatus::Failed, at.stage, at.step});
    throw;
  }

  ml::Concept packaged = std::move(result.trained);
  packaged.base_model_name = session.model_path().filename().u8string();
  const fs::path file = scratch.path() / "concept.safetensors";
  ml::save_concept(file, packaged, fp32_delta);
  {
    std::ifstream in(file, std::ios::binary);
    project.save_package(concept_id, in);
  }
  project.set_concept_progress(concept_id, {store::ConceptStatus::Trained, 3, settings.stages[2].steps});
  project.clear_checkpoint(concept_id);
  TrainReport report;
  if (const auto failed = project.try_compact())  // the checkpoint can be gigabytes: give its space back
    // The product is trained and stored; only the file's free space is still held.
    report.warning = "The product is trained, but the project file could not give the old checkpoint's space "
                     "back to the disk yet (" + *failed +
                     "). Free some disk space; it is given back the next time photos are removed or a product "
                     "finishes training.";
  report.resumed_stage = result.resumed_stage;
  report.resumed_step = result.resumed_step;
  report.seconds = result.seconds;
  for (int k = 0; k < 3; ++k) {
    report.first_loss[k] = mean_of(result.losses[k], true);
    report.last_loss[k] = mean_of(result.losses[k], false);
  }
  report.package_bytes = static_cast<std::int64_t>(fs::file_size(file));
  project.log_action("concept.train",
                     json{{"concept", concept_id}, {"name", c.spec.name}, {"device", session.device_name()},
                          {"seconds", result.seconds}, {"resumed_stage", result.resumed_stage},
                          {"resumed_step", result.resumed_step}, {"base_model", model.weights_hash}}
                         .dump());
  return report;
}

}  // namespace rashisa::workflow
