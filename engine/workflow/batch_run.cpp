#include "engine/workflow/batch_run.h"

#include "engine/core/error.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/image_maker_p.h"

#include <nlohmann/json.hpp>

#include <chrono>

namespace rashisa::workflow {

using nlohmann::json;

namespace {

/// "job.run.end": how a run ended and how long it computed (project_summary() adds these up).
/// In an error path a failure to log must not hide the error being reported.
void log_run_end(store::Project& project, std::int64_t job_id, const char* status, std::int64_t made,
                 std::chrono::steady_clock::time_point start, bool quiet) {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  try {
    project.log_action("job.run.end",
                       json{{"job", job_id}, {"status", status}, {"made", made}, {"seconds", seconds}}.dump());
  } catch (...) {
    if (!quiet) throw;
  }
}

}  // namespace

BatchRunReport run_batch_job(store::Project& project, std::int64_t job_id, ModelSession& session,
                             const BatchProgressCallback& progress, const CancelToken* cancel) {
  const store::Job job = project.get_job(job_id);
  if (job.status == store::JobStatus::Done) return {};
  const auto items = job_items(job);
  const std::string base_hash = session.weights_hash();
  // Images are stored in plan order, one transaction each: the count is where to go on, even
  // if the program stopped between storing an image and recording the job's progress.
  BatchRunReport report;
  report.already_done = static_cast<std::int64_t>(project.list_images(job_id).size());
  const auto total = static_cast<std::int64_t>(items.size());
  const auto start = std::chrono::steady_clock::now();
  project.set_job_status(job_id, store::JobStatus::Running);
  project.log_action("job.run", json{{"job", job_id}, {"device", session.device_name()},
                                     {"precision", session.precision()}, {"from_image", report.already_done}}
                                    .dump());
  try {
    for (std::int64_t k = report.already_done; k < total; ++k) {
      const BatchItem& item = items[static_cast<std::size_t>(k)];
      store::NewImage image;
      image.job_id = job_id;
      image.concept_id = item.concept_id;
      auto& p = image.params;
      p.seed = item.seed;
      p.sampler = item.sampler;
      p.steps = item.steps;
      p.guidance = item.guidance;
      p.width = item.width;
      p.height = item.height;
      p.prompt = item.prompt;
      p.negative_prompt = item.negative_prompt;
      p.template_values = json(item.values).dump();
      p.base_model_sha256 = base_hash;
      ProgressCallback step_cb;
      if (progress)
        step_cb = [&](const Progress& s) { return progress({job_id, k + 1, total, s}); };
      image.png = make_png(project, session, image.concept_id, p, step_cb, cancel);
      report.image_ids.push_back(project.add_image(image));
      project.set_job_progress(job_id, k + 1);
      ++report.made;
    }
  } catch (const Error& e) {
    const bool cancelled = e.code() == ErrorCode::Cancelled;
    if (cancelled)
      project.set_job_status(job_id, store::JobStatus::Cancelled);
    else
      project.set_job_status(job_id, store::JobStatus::Failed, e.what());
    log_run_end(project, job_id, cancelled ? "cancelled" : "failed", report.made, start, true);
    throw;
  } catch (const std::exception& e) {
    project.set_job_status(job_id, store::JobStatus::Failed, e.what());
    log_run_end(project, job_id, "failed", report.made, start, true);
    throw;
  }
  project.set_job_status(job_id, store::JobStatus::Done);
  log_run_end(project, job_id, "done", report.made, start, false);
  return report;
}

std::vector<std::uint8_t> regenerate_image(store::Project& project, std::int64_t image_id, ModelSession& session,
                                           const ProgressCallback& progress, const CancelToken* cancel) {
  const store::ImageInfo info = project.get_image(image_id);
  if (!info.params.base_model_sha256.empty() && info.params.base_model_sha256 != session.weights_hash())
    throw Error(ErrorCode::ModelMismatch, "image " + std::to_string(image_id) +
                                              " was made with another base model; choose that model to remake it");
  if (!info.concept_id && info.job_id)
    throw Error(ErrorCode::InvalidArgument, "the product image " + std::to_string(image_id) +
                                                " was made with has been removed from the project; it cannot be remade");
  return make_png(project, session, info.concept_id, info.params, progress, cancel);
}

}  // namespace rashisa::workflow
