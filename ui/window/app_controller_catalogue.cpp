// AppController: templates, batches, review and export — the catalogue half of the job.
// Small edits and reads run in the quick lane, so they work while a product trains or a batch
// runs; whatever needs the model runs as an exclusive job.
#include "ui/settings/settings.h"
#include "ui/window/app_controller.h"
#include "ui/window/app_controller_p.h"

#include <QDir>

#include <algorithm>

namespace rashisa::ui {

using detail::withSnapshot;

void AppController::saveTemplate(const TemplateItem& item) {
  if (!project_ || refuseReadOnly(PageId::Templates)) return;
  runner_->submitQuick(JobKind::SaveTemplate, tr("Saving the template"), [item](Engine& e, JobContext&) {
    return withSnapshot(QVariant::fromValue(e.saveTemplate(item)), e);
  });
}

void AppController::removeTemplate(qint64 id) {
  if (!project_ || refuseReadOnly(PageId::Templates)) return;
  runner_->submitQuick(JobKind::RemoveTemplate, tr("Removing the template"), [id](Engine& e, JobContext&) {
    e.removeTemplate(id);
    return withSnapshot({}, e);
  });
}

int AppController::previewTemplate(const TemplateItem& item, qint64 productId) {
  const int request = ++templatePreviews_;
  if (!project_) return request;
  runner_->submitQuick(JobKind::PreviewTemplate, tr("Checking the template"), [item, productId, request](Engine& e, JobContext&) {
    return QVariantList{request, QVariant::fromValue(e.previewTemplate(item, productId))};
  });
  return request;
}

void AppController::previewExportNames(const ExportSettings& settings, int max) {
  if (!project_) return;
  runner_->submitQuick(JobKind::PreviewExport, tr("Naming the files"), [settings, max](Engine& e, JobContext&) {
    return QVariant(e.exportNames(settings, max));
  });
}

void AppController::importTemplates(const QString& path) {
  if (!project_ || path.isEmpty() || refuseReadOnly(PageId::Templates)) return;
  runner_->submitQuick(JobKind::ImportTemplates, tr("Importing templates"), [path](Engine& e, JobContext&) {
    return withSnapshot(QVariant::fromValue(e.importTemplates(path)), e);
  });
}

void AppController::exportTemplates(const QString& path, const QList<qint64>& ids) {
  if (!project_ || path.isEmpty()) return;
  runner_->submitQuick(JobKind::ExportTemplates, tr("Writing the templates"), [path, ids](Engine& e, JobContext&) {
    e.exportTemplates(path, ids);
    return QVariant(path);
  });
}

void AppController::makeTemplateExamples(qint64 productId) {
  if (!project_ || makingExamples_ || refuseReadOnly(PageId::Templates)) return;
  makingExamples_ = true;
  runner_->submit(
      JobKind::MakeExamples, tr("Making template examples"),
      [productId](Engine& e, JobContext& c) {
        e.makeTemplateExamples(productId, c);
        return withSnapshot({}, e);
      },
      true);
  Q_EMIT busyChanged();
}

void AppController::makeExamplesAfterTraining(qint64 productId) {
  // The first time a product has learned, each template gets its example image, made on this
  // machine. On a GPU that takes about a minute; on a CPU it would hold up the next batch for
  // long, so there the Templates page offers it instead.
  if (!project_ || !device_ || !device_->cuda) return;
  const bool missing = std::any_of(project_->templates.cbegin(), project_->templates.cend(),
                                   [](const TemplateItem& t) { return t.example.isNull(); });
  if (missing) makeTemplateExamples(productId);
}

void AppController::planBatch(const BatchRequest& request) {
  if (!project_) return;
  runner_->submitQuick(JobKind::PlanBatch, tr("Counting the images"),
                       [request](Engine& e, JobContext&) { return QVariant::fromValue(e.planBatch(request)); });
}

void AppController::startBatch(const BatchRequest& request) {
  if (!project_ || batch_ || refuseReadOnly(PageId::Generate)) return;
  runner_->submitQuick(JobKind::QueueBatch, tr("Recording the batch"), [request](Engine& e, JobContext&) {
    return withSnapshot(e.queueBatch(request), e);
  });
}

void AppController::resumeBatch(qint64 batchId) {
  if (!project_ || batch_ || refuseReadOnly(PageId::Generate)) return;
  submitRunBatch(batchId);
}

void AppController::moreLikeThis(qint64 imageId, int count) {
  if (!project_ || batch_ || refuseReadOnly(PageId::Review)) return;
  runner_->submitQuick(JobKind::QueueBatch, tr("Recording the batch"), [imageId, count](Engine& e, JobContext&) {
    return withSnapshot(e.queueMoreLikeThis(imageId, count), e);
  });
}

void AppController::submitRunBatch(qint64 batchId) {
  LiveBatch b;
  b.batchId = batchId;
  for (const BatchItem& item : project().batches)
    if (item.id == batchId) b.done = item.done, b.total = item.total;
  batch_ = b;
  imageRate_.restart(b.done, now());
  batchJob_ = runner_->submit(
      JobKind::RunBatch, tr("Making images"),
      [batchId](Engine& e, JobContext& c) {
        e.runBatch(batchId, c);
        return withSnapshot(batchId, e);
      },
      true);
  batch_->runId = batchJob_;
  Q_EMIT batchChanged();
  Q_EMIT busyChanged();
}

void AppController::finishLiveBatch(bool finished) {
  if (!batch_) return;
  const qint64 id = batch_->batchId;
  batch_.reset();
  batchJob_ = 0;
  Q_EMIT batchChanged();
  Q_EMIT batchEnded(id, finished);
  Q_EMIT busyChanged();
}

void AppController::onBatchProgress(int, const JobProgress& p) {
  if (!batch_) return;
  if (p.items > 0) {
    batch_->total = p.items;
    batch_->done = std::max<qint64>(batch_->done, p.item - 1);
  }
  batch_->step = p.step;
  batch_->steps = p.total;
  Q_EMIT batchChanged();
}

void AppController::onImageMade(int id, const ImageItem& image) {
  if (project_) project_->images.push_back(image);
  if (batch_ && id == batchJob_) {
    ++batch_->done;
    imageRate_.update(batch_->done, now());
    if (imageRate_.secondsPerStep()) batch_->secondsPerImage = *imageRate_.secondsPerStep();
    Q_EMIT batchChanged();
  }
  Q_EMIT imageMade(image);
}

std::optional<double> AppController::batchSecondsLeft() const {
  if (!batch_) return std::nullopt;
  return imageRate_.secondsFor(batch_->total - batch_->done);
}

std::optional<double> AppController::estimateGenerationSeconds(qint64 imageSteps, qint64 images, int size) const {
  if (!device_ || !speedModel()) return std::nullopt;
  const auto speed = settings_.generationSpeed(device_->description, speedFamily(), size);
  if (!speed) return std::nullopt;
  return static_cast<double>(imageSteps) * speed->secondsPerStep + static_cast<double>(images) * speed->decodeSeconds;
}

QString AppController::reviewer() const { return settings_.reviewer(); }

double AppController::hoursSaved() const {
  if (!project_) return 0;
  return static_cast<double>(project_->summary.approved) * settings_.shootHoursPerImage() -
         project_->summary.computeSeconds / 3600.0;
}

void AppController::setReviewer(const QString& name) {
  settings_.setReviewer(name);
  runner_->submitQuick(JobKind::Review, tr("Saving"), [name](Engine& e, JobContext&) {
    e.setReviewer(name);
    return QVariant();
  });
}

void AppController::setReview(const QList<qint64>& imageIds, ReviewState state) {
  if (!project_ || imageIds.isEmpty() || refuseReadOnly(PageId::Review)) return;
  // Shown at once; the project file follows in the quick lane (a failure reloads the truth).
  for (ImageItem& image : project_->images)
    if (imageIds.contains(image.id)) {
      image.review = state;
      image.reviewer = state == ReviewState::New ? QString() : reviewer();
    }
  Q_EMIT projectChanged();
  const QString who = reviewer();
  runner_->submitQuick(JobKind::Review, tr("Saving the review"), [imageIds, state, who](Engine& e, JobContext&) {
    e.setReviewer(who);
    e.setReview(imageIds, state);
    return QVariant();
  });
}

void AppController::loadImage(qint64 imageId) {
  runner_->submitQuick(JobKind::LoadImage, tr("Loading the image"), [imageId](Engine& e, JobContext&) {
    return QVariantList{imageId, e.imageFull(imageId), false};
  });
}

void AppController::loadPhoto(qint64 photoId) {
  runner_->submitQuick(JobKind::LoadImage, tr("Loading the photo"), [photoId](Engine& e, JobContext&) {
    return QVariantList{photoId, e.photoFull(photoId), true};
  });
}

void AppController::regenerate(qint64 imageId) {
  if (!project_) return;
  runner_->submit(
      JobKind::Regenerate, tr("Making the image again"),
      [imageId](Engine& e, JobContext& c) { return QVariant::fromValue(e.regenerate(imageId, c)); }, true);
}

void AppController::exportImages(const ExportSettings& settings) {
  if (!project_ || refuseReadOnly(PageId::Export)) return;  // an export is recorded in the project
  settings_.setExportFolder(settings.folder);
  settings_.setExportPattern(settings.pattern);
  settings_.setExportJpeg(settings.jpeg);
  settings_.setExportQuality(settings.quality);
  QDir().mkpath(settings.folder);
  exporting_ = true;
  runner_->submit(JobKind::ExportImages, tr("Exporting images"), [settings](Engine& e, JobContext& c) {
    return withSnapshot(QVariant::fromValue(e.exportImages(settings, c)), e);
  });
  Q_EMIT busyChanged();
}

void AppController::measureGeneration(int size) {
  if (!project_) return;
  runner_->submit(JobKind::MeasureGeneration, tr("Measuring the speed of this computer"),
                  [size](Engine& e, JobContext& c) { return QVariant::fromValue(e.measureGeneration(size, c)); });
}

void AppController::onCatalogueFinished(JobKind kind, const QVariant& result) {
  const QVariant value = result.toList().value(0);
  switch (kind) {
    case JobKind::SaveTemplate:
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      Q_EMIT templateSaved(value.value<TemplateItem>());
      break;
    case JobKind::ImportTemplates:
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      Q_EMIT templatesImported(value.value<TemplateImport>());
      break;
    case JobKind::RemoveTemplate:
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      break;
    case JobKind::MakeExamples:
      makingExamples_ = false;
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      Q_EMIT busyChanged();
      break;
    case JobKind::ExportTemplates:
      Q_EMIT notice(PageId::Templates, {MessageLevel::Success, tr("The templates are saved."),
                                        QDir::toNativeSeparators(result.toString()), {}, {}, {}, {}, {}});
      break;
    case JobKind::PlanBatch: Q_EMIT batchPlanned(result.value<BatchPlan>()); break;
    case JobKind::PreviewTemplate:
      Q_EMIT templatePreviewed(result.toList().value(0).toInt(), result.toList().value(1).value<TemplatePreview>());
      break;
    case JobKind::PreviewExport: Q_EMIT exportNamesReady(result.toStringList(), {}); break;
    case JobKind::QueueBatch:
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      submitRunBatch(value.toLongLong());
      break;
    case JobKind::RunBatch:
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      finishLiveBatch(true);
      break;
    case JobKind::LoadImage: {
      const QVariantList l = result.toList();
      if (l.value(2).toBool())
        Q_EMIT photoLoaded(l.value(0).toLongLong(), l.value(1).value<QImage>());
      else
        Q_EMIT imageLoaded(l.value(0).toLongLong(), l.value(1).value<QImage>());
      break;
    }
    case JobKind::Regenerate: Q_EMIT regenerated(result.value<RegenerateResult>()); break;
    case JobKind::ExportImages:
      exporting_ = false;
      setProject(result.toList().value(1).value<ProjectSnapshot>());
      Q_EMIT exportFinished(value.value<ExportResult>());
      Q_EMIT busyChanged();
      break;
    case JobKind::MeasureGeneration:
      if (speedModel()) settings_.setGenerationSpeed(speedFamily(), result.value<GenerationSpeed>());
      Q_EMIT generationSpeedChanged();
      break;
    default: break;
  }
}

}  // namespace rashisa::ui
