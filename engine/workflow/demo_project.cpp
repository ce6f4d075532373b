// The demo project: the demo photos and model with the catalogue templates, ready to learn.
#include "engine/core/error.h"
#include "engine/model_io/atomic_file.h"
#include "engine/store/project.h"
#include "engine/workflow/demo.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/project_templates.h"

#include <nlohmann/json.hpp>

namespace rashisa::workflow {

namespace fs = std::filesystem;

namespace {

// The demo's training numbers (see demo_concept_setup) and what the window offers with them.
constexpr DemoTraining kTraining{};  // the demo's numbers (DemoTraining's defaults)

// The catalogue's templates at a size and step count a CPU makes in seconds with the demo model.
std::vector<templates::PromptTemplate> demo_templates() {
  auto list = builtin_templates();
  for (auto& t : list) {
    t.width = 256;
    t.height = 256;
    t.steps = 20;
    t.images_per_prompt = 1;
  }
  return list;
}

bool report(const ProgressCallback& progress, const std::string& stage, int step, int total) {
  if (!progress) return true;
  Progress p;
  p.stage = stage;
  p.step = step;
  p.total = total;
  return progress(p);
}

}  // namespace

ConceptSetup demo_concept_setup(const std::string& product_name) {
  ConceptSetup s;
  s.name = product_name;
  s.category = "mug";
  s.resolution = kTraining.resolution;
  for (int k = 0; k < 3; ++k) {
    s.stages[k].steps = kTraining.steps[k];
    s.stages[k].batch = kTraining.batch;
  }
  s.checkpoint_every = 20;
  return s;
}

DemoProject demo_paths(const fs::path& dir) {
  return {dir / "demo.rashisa", dir / "demo-model", dir / "demo-photos", 0, 0};
}

DemoProject make_demo_project(const fs::path& dir, const DemoOptions& options, const ProgressCallback& progress,
                              const CancelToken* cancel) {
  DemoProject out = demo_paths(dir);
  std::error_code ec;
  if (fs::exists(out.project, ec))
    throw Error(ErrorCode::InvalidArgument, out.project.u8string() +
                                                " already exists: open it to carry on with the demo, or choose an "
                                                "empty folder for a new one");
  fs::create_directories(out.photos, ec);
  if (ec) throw Error(ErrorCode::FileWrite, "cannot create the folder " + out.photos.u8string() + ": " + ec.message());

  check_cancel(cancel, report(progress, "model", 0, 1));
  write_demo_model(out.model);
  check_cancel(cancel, report(progress, "model", 1, 1));

  const auto photos = draw_demo_photos();
  std::vector<fs::path> files;
  for (std::size_t i = 0; i < photos.size(); ++i) {
    files.push_back(out.photos / fs::u8path(photos[i].file_name));
    model_io::write_file_atomically(files.back(), photos[i].jpeg.data(), photos[i].jpeg.size());
    check_cancel(cancel, report(progress, "photos", static_cast<int>(i + 1), static_cast<int>(photos.size())));
  }

  // Built under another name and renamed at the end: an interrupted demo leaves no project
  // that looks finished.
  check_cancel(cancel, report(progress, "project", 0, 1));
  fs::path partial = out.project;
  partial += ".part";
  fs::remove(partial, ec);
  {
    auto project = store::Project::create(partial);
    out.template_count = add_templates(project, demo_templates()).size();
    for (const auto& r : add_photos(project, files, {}, cancel))
      if (!r.ok()) throw Error(ErrorCode::Internal, "a demo photo was not imported: " + r.message);
    out.photo_count = files.size();
    SessionOptions session;
    session.device = options.device;
    set_project_model(project, out.model, session);
    const ConceptSetup setup = demo_concept_setup(options.product_name);
    project.set_setting("ui.draft.name", setup.name);
    project.set_setting("ui.draft.category", setup.category);
    project.set_setting(kDemoSettingKey, nlohmann::json{{"resolution", kTraining.resolution},
                                                        {"steps", kTraining.steps},
                                                        {"batch", kTraining.batch},
                                                        {"preview_every", kTraining.preview_every}}
                                             .dump());
    project.close();
  }
  fs::rename(partial, out.project, ec);
  if (ec) throw Error(ErrorCode::FileWrite, "cannot rename " + partial.u8string() + " to " + out.project.u8string() +
                                                ": " + ec.message());
  report(progress, "project", 1, 1);
  return out;
}

std::optional<DemoTraining> demo_training(const store::Project& project) {
  const std::string value = project.setting(kDemoSettingKey);
  if (value.empty()) return std::nullopt;
  DemoTraining d;
  const nlohmann::json j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return d;
  const auto read = [&j](const char* key, int& out) {
    const auto it = j.find(key);
    if (it != j.end() && it->is_number_integer()) out = it->get<int>();
  };
  read("resolution", d.resolution);
  read("batch", d.batch);
  read("preview_every", d.preview_every);
  const auto steps = j.find("steps");
  if (steps != j.end() && steps->is_array())
    for (std::size_t k = 0; k < d.steps.size() && k < steps->size(); ++k)
      if ((*steps)[k].is_number_integer()) d.steps[k] = (*steps)[k].get<int>();
  return d;
}

}  // namespace rashisa::workflow
