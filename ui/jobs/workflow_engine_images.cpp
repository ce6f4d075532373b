// WorkflowEngine: batches, images, review, export, and the catalogue half of the snapshot.
#include "engine/core/error.h"
#include "engine/store/project.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/project_summary.h"
#include "engine/workflow/project_templates.h"
#include "engine/workflow/speed_probe.h"
#include "ui/export/contact_sheet_pdf.h"
#include "ui/jobs/template_convert_p.h"
#include "ui/jobs/workflow_engine.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace rashisa::ui {

using namespace convert;

namespace {

[[maybe_unused]] ReviewState reviewState(store::Review r) {
  return r == store::Review::Approved   ? ReviewState::Approved
         : r == store::Review::Rejected ? ReviewState::Rejected
                                        : ReviewState::New;
}

BatchStatus batchStatus(store::JobStatus s) {
  switch (s) {
    case store::JobStatus::Queued: return BatchStatus::Queued;
    case store::JobStatus::Running: return BatchStatus::Running;
    case store::JobStatus::Done: return BatchStatus::Done;
    case store::JobStatus::Failed: return BatchStatus::Failed;
    case store::JobStatus::Cancelled: return BatchStatus::Cancelled;
  }
  return BatchStatus::Queued;
}

exporting::ExportFormat formatOf(const ExportSettings& s) {
  return s.jpeg ? exporting::ExportFormat::Jpeg : exporting::ExportFormat::Png;
}

/// The window's batch request as engine/workflow takes it.
workflow::BatchRequest toWorkflow(const BatchRequest& request) {
  workflow::BatchRequest r;
  r.template_ids.assign(request.templateIds.begin(), request.templateIds.end());
  r.concept_ids.assign(request.productIds.begin(), request.productIds.end());
  for (int k = 0; k < request.seedsPerPrompt; ++k) r.seeds.push_back(request.firstSeed + k);
  r.first_seed = request.firstSeed;
  r.steps = request.steps;
  r.guidance = request.guidance;
  r.sampler = request.sampler.toStdString();
  r.width = r.height = request.size;
  return r;
}

}  // namespace

// ---- generation -------------------------------------------------------------------------

GenerationSpeed WorkflowEngine::measureGeneration(int size, JobContext& context) {
  workflow::ModelSession& s = session(context);
  const workflow::GenerationSpeed m =
      workflow::measure_generation_speed(s, size, size, reporter(context), context.cancelToken());
  return {m.seconds_per_step, m.decode_seconds, size, text(s.device_description())};
}

BatchPlan WorkflowEngine::planBatch(const BatchRequest& request) {
  BatchPlan plan;
  plan.cap = static_cast<qint64>(templates::kDefaultExpansionCap);
  std::vector<workflow::BatchItem> items;
  try {
    items = workflow::plan_batch(project(), toWorkflow(request));
  } catch (const Error& e) {
    const QString message = QString::fromUtf8(e.what());
    plan.problem = message;
    plan.problemCode = request.productIds.isEmpty()    ? QStringLiteral("no-product")
                       : request.templateIds.isEmpty() ? QStringLiteral("no-template")
                       : message.contains(QLatin1String("cap")) || message.contains(QLatin1String("more than"))
                           ? QStringLiteral("over-cap")
                           : QStringLiteral("invalid");
    return plan;
  }
  std::set<std::pair<std::int64_t, std::string>> prompts;
  for (const auto& i : items) {
    prompts.insert({i.concept_id, i.prompt});
    plan.imageSteps += i.steps;
    const QString p = text(i.prompt);
    if (plan.examplePrompts.size() < 3 && !plan.examplePrompts.contains(p)) plan.examplePrompts.push_back(p);
  }
  plan.images = static_cast<qint64>(items.size());
  plan.prompts = static_cast<qint64>(prompts.size());
  return plan;
}

qint64 WorkflowEngine::queueBatch(const BatchRequest& request) {
  return workflow::queue_batch(project(), toWorkflow(request));
}

void WorkflowEngine::runBatch(qint64 batchId, JobContext& context) {
  store::Project& pr = project();
  workflow::ModelSession& s = session(context);
  std::set<std::int64_t> posted;
  for (const auto& i : pr.list_images(batchId)) posted.insert(i.id);
  const ImageContext names = imageContext(templateItems());
  // Each image is stored before the next one starts: post what is new whenever the count moves.
  auto postNew = [&] {
    const QMap<qint64, qint64> templateOf = imageTemplates(batchId);
    for (const auto& i : pr.list_images(batchId)) {
      if (posted.count(i.id)) continue;
      posted.insert(i.id);
      context.imageMade(imageItem(i, names, templateOf));
    }
  };
  std::int64_t lastImage = 0;
  workflow::run_batch_job(
      pr, batchId, s,
      [&](const workflow::BatchProgress& p) {
        if (p.image != lastImage) {
          lastImage = p.image;
          postNew();
        }
        JobProgress out = progress(p.step);
        out.item = p.image;
        out.items = p.images;
        context.report(out);
        return context.proceed();
      },
      context.cancelToken());
  postNew();
}

qint64 WorkflowEngine::queueMoreLikeThis(qint64 imageId, int count) {
  store::Project& pr = project();
  std::int64_t next = 0;
  for (const auto& i : pr.list_images()) next = std::max<std::int64_t>(next, i.params.seed);
  std::vector<std::int64_t> seeds;
  for (int k = 1; k <= count; ++k) seeds.push_back(next + k);
  return workflow::queue_more_like(pr, imageId, seeds);
}

// ---- images and review ------------------------------------------------------------------

QImage WorkflowEngine::imageFull(qint64 imageId) { return png(project().image_png(imageId)); }

QImage WorkflowEngine::photoFull(qint64 photoId) {
  const media::RgbImage rgb = workflow::photo_pixels(project(), photoId);
  QImage image(rgb.pixels.data(), rgb.width, rgb.height, rgb.width * 3, QImage::Format_RGB888);
  return image.copy();  // own the pixels
}

void WorkflowEngine::setReviewer(const QString& name) {
  reviewer_ = name.trimmed();
  if (project_ && !reviewer_.isEmpty()) project_->set_actor(reviewer_.toStdString());
}

void WorkflowEngine::setReview(const QList<qint64>& imageIds, ReviewState state) {
  store::Project& pr = project();
  const store::Review r = state == ReviewState::Approved   ? store::Review::Approved
                          : state == ReviewState::Rejected ? store::Review::Rejected
                                                           : store::Review::New;
  for (qint64 id : imageIds) pr.set_review(id, r, pr.actor());
}

RegenerateResult WorkflowEngine::regenerate(qint64 imageId, JobContext& context) {
  store::Project& pr = project();
  workflow::ModelSession& s = session(context);
  const auto bytes = workflow::regenerate_image(pr, imageId, s, reporter(context), context.cancelToken());
  RegenerateResult r;
  r.imageId = imageId;
  r.image = png(bytes);
  const store::Bytes stored = pr.image_png(imageId);
  r.identical = png(stored) == r.image;
  return r;
}

// ---- export -----------------------------------------------------------------------------

namespace {

workflow::ExportRequest exportRequest(const ExportSettings& s) {
  workflow::ExportRequest r;
  r.folder = path(s.folder);
  r.format = formatOf(s);
  r.jpeg_quality = s.quality;
  r.image_ids.assign(s.imageIds.begin(), s.imageIds.end());
  r.include_prompts = s.includePrompts;
  r.overwrite = s.overwrite;
  r.name_pattern = s.pattern.toStdString();
  return r;
}

}  // namespace

ExportResult WorkflowEngine::exportImages(const ExportSettings& settings, JobContext& context) {
  store::Project& pr = project();
  const auto files = workflow::export_images(pr, exportRequest(settings), reporter(context), context.cancelToken());
  ExportResult result;
  result.folder = settings.folder;
  for (const auto& f : files) result.files.push_back(text(f.path));
  if (settings.contactSheet && !files.empty()) {
    const ImageContext names = imageContext(templateItems());
    const QMap<qint64, qint64> templateOf = imageTemplates();
    QList<ContactSheetEntry> entries;
    for (const auto& f : files) {
      const ImageItem item = imageItem(pr.get_image(f.image_id), names, templateOf);
      entries.push_back({png(pr.image_png(f.image_id)), contactSheetCaption(item, text(f.path.filename()))});
    }
    result.contactSheet = QDir(settings.folder).filePath(QStringLiteral("contact-sheet.pdf"));
    writeContactSheet(result.contactSheet, contactSheetTitle(text(pr.path().stem()), QDateTime::currentDateTime()),
                      entries);
  }
  return result;
}

QStringList WorkflowEngine::exportNames(const ExportSettings& settings, int max) {
  store::Project& pr = project();
  std::vector<store::ImageInfo> chosen;
  for (const auto& i : pr.list_images())
    if (settings.imageIds.isEmpty() ? i.review == store::Review::Approved : settings.imageIds.contains(i.id))
      chosen.push_back(i);
  // The names export_images() will use: numbered over the whole export, repeats made unique.
  const auto names = workflow::export_file_names(pr, chosen, formatOf(settings), settings.pattern.toStdString());
  QStringList out;
  for (std::size_t k = 0; k < names.size() && static_cast<int>(k) < max; ++k) out.push_back(text(names[k]));
  return out;
}

// ---- the catalogue half of the snapshot ---------------------------------------------------

QList<TemplateItem> WorkflowEngine::templateItems() {
  store::Project& pr = project();
  const auto builtin = workflow::builtin_templates();
  QList<TemplateItem> out;
  for (const auto& stored : pr.list_templates()) {
    TemplateItem t;
    try {
      t = fromEngine(workflow::from_stored(stored));
    } catch (const Error&) {
      continue;  // a record Rashisa did not write: not shown, never changed
    }
    t.id = stored.id;
    for (const auto& b : builtin) t.builtin = t.builtin || b.id == t.key.toStdString();
    if (const auto example = pr.template_example(stored.id)) t.example = png(*example);
    out.push_back(t);
  }
  return out;
}

WorkflowEngine::ImageContext WorkflowEngine::imageContext(const QList<TemplateItem>& templates) {
  ImageContext c;
  for (const auto& stored : project().list_concepts()) c.productNames.insert(stored.id, text(stored.spec.name));
  const bool japanese = QLocale().language() == QLocale::Japanese;
  for (const TemplateItem& t : templates) {
    c.templateKeys.insert(t.id, t.key);
    const QString label = japanese && !t.labelJa.isEmpty() ? t.labelJa : !t.labelEn.isEmpty() ? t.labelEn : t.key;
    c.templateLabels.insert(t.id, label);
  }
  return c;
}

QMap<qint64, qint64> WorkflowEngine::imageTemplates(std::optional<qint64> jobId) {
  store::Project& pr = project();
  QMap<qint64, qint64> out;
  for (const auto& job : pr.list_jobs()) {
    if (jobId && job.id != *jobId) continue;
    std::vector<workflow::BatchItem> items;
    try {
      items = workflow::job_items(job);
    } catch (const Error&) {
      continue;
    }
    std::size_t k = 0;
    for (const auto& image : pr.list_images(job.id))  // in the order they were made: the plan's
      if (k < items.size()) out.insert(image.id, items[k++].template_id);
  }
  return out;
}

QImage WorkflowEngine::thumbnail(qint64 imageId) {
  auto it = thumbnails_.find(imageId);
  if (it != thumbnails_.end()) return it.value();
  const QImage full = png(project().image_png(imageId));
  const QImage small = full.isNull() ? full : full.scaled(256, 256, Qt::KeepAspectRatio, Qt::SmoothTransformation);
  thumbnails_.insert(imageId, small);
  return small;
}

ImageItem WorkflowEngine::imageItem(const store::ImageInfo& i, const ImageContext& c,
                                    const QMap<qint64, qint64>& templateOf) {
  ImageItem item;
  item.id = i.id;
  item.jobId = i.job_id.value_or(0);
  item.productId = i.concept_id.value_or(0);
  item.productName = c.productNames.value(item.productId);
  item.templateId = templateOf.value(i.id);
  item.templateKey = c.templateKeys.value(item.templateId);
  item.templateLabel = c.templateLabels.value(item.templateId);
  const auto& p = i.params;
  item.seed = p.seed;
  item.sampler = text(p.sampler);
  item.steps = p.steps;
  item.guidance = p.guidance;
  item.width = p.width;
  item.height = p.height;
  item.prompt = text(p.prompt);
  item.negativePrompt = text(p.negative_prompt);
  const QJsonObject values = QJsonDocument::fromJson(QByteArray::fromStdString(p.template_values)).object();
  for (auto it = values.begin(); it != values.end(); ++it) item.values.insert(it.key(), it.value().toString());
  item.baseModelHash = text(p.base_model_sha256);
  item.createdAt = text(i.created_at);
  item.review = reviewState(i.review);
  item.reviewer = text(i.reviewer);
  item.reviewedAt = text(i.reviewed_at);
  item.thumbnail = thumbnail(i.id);
  return item;
}

void WorkflowEngine::addCatalogue(ProjectSnapshot& s) {
  store::Project& pr = project();
  s.templates = templateItems();
  const ImageContext names = imageContext(s.templates);
  const QMap<qint64, qint64> templateOf = imageTemplates();
  for (const auto& i : pr.list_images()) s.images.push_back(imageItem(i, names, templateOf));
  for (const auto& j : pr.list_jobs()) {
    BatchItem b;
    b.id = j.id;
    b.status = batchStatus(j.status);
    b.done = j.done;
    b.total = j.spec.total;
    b.createdAt = text(j.created_at);
    b.error = text(j.error);
    s.batches.push_back(b);
  }
  const workflow::ProjectSummary sum = workflow::project_summary(pr);
  s.summary.productsTrained = sum.products_trained;
  s.summary.imagesMade = sum.images_made;
  s.summary.approved = sum.approved;
  s.summary.exported = sum.exported;
  s.summary.computeSeconds = sum.compute_seconds;
}

}  // namespace rashisa::ui
