// AppController: the results of jobs, and training, measuring and trying a product.
#include "ui/settings/settings.h"
#include "ui/text/format.h"
#include "ui/window/app_controller.h"
#include "ui/window/app_controller_p.h"
#include "ui/window/dialogs.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace rashisa::ui {

namespace {

ProjectSnapshot snapshotOf(const QVariant& result) { return result.toList().value(1).value<ProjectSnapshot>(); }
QVariant valueOf(const QVariant& result) { return result.toList().value(0); }

}  // namespace

void AppController::onFinished(int, JobKind kind, const QVariant& result) {
  switch (kind) {
    case JobKind::ProbeDevice: {
      device_ = valueOf(result).value<DeviceInfo>();
      presets_ = result.toList().value(1).value<QMap<QString, std::array<StagePlan, 3>>>();
      Q_EMIT environmentChanged();
      Q_EMIT speedChanged();
      break;
    }
    case JobKind::DescribeModel:
      defaultModel_ = result.value<ModelInfo>();
      defaultModelProblem_.clear();
      defaultModelProblemCode_.clear();
      settings_.setDefaultModel(defaultModel_->path);
      checkingModel_ = std::max(0, checkingModel_ - 1);
      Q_EMIT environmentChanged();
      Q_EMIT modelChecked({});
      Q_EMIT busyChanged();
      break;
    case JobKind::MakeDemo:
      openingDemo_ = false;
      Q_EMIT busyChanged();
      [[fallthrough]];
    case JobKind::CreateProject:
    case JobKind::OpenProject: {
      if (offerReadOnly(result.value<ProjectSnapshot>())) break;
      setProject(result.value<ProjectSnapshot>());
      rememberRecent();
      if (!pendingPhotos_.isEmpty()) importPhotos(std::exchange(pendingPhotos_, {}));
      if (!project_->modelPath.isEmpty() && !project_->model) {
        Notice n;
        n.level = MessageLevel::Warning;
        n.title = tr("The project's base model cannot be used now.");
        n.text = tr("It was not found or could not be read at %1. Put it back, or choose the model again.")
                     .arg(project_->modelPath);
        n.details = project_->modelProblem;
        addModelActions(n);
        Q_EMIT notice(PageId::Learn, n);
      }
      break;
    }
    case JobKind::SetModel: {
      const ModelInfo info = valueOf(result).value<ModelInfo>();
      settings_.setDefaultModel(info.path);
      defaultModel_ = info;
      setProject(snapshotOf(result));
      checkingModel_ = std::max(0, checkingModel_ - 1);
      Q_EMIT environmentChanged();
      Q_EMIT speedChanged();
      Q_EMIT modelChecked({});
      Q_EMIT busyChanged();
      break;
    }
    case JobKind::ImportPhotos: {
      importing_ = false;
      setProject(snapshotOf(result));
      Q_EMIT importFinished(valueOf(result).value<ImportReport>());
      Q_EMIT busyChanged();
      break;
    }
    case JobKind::RemovePhotos:
    case JobKind::Refresh:
      setProject(kind == JobKind::Refresh ? result.value<ProjectSnapshot>() : snapshotOf(result));
      break;
    case JobKind::CheckCategory: {
      const QVariantList l = result.toList();
      Q_EMIT categoryChecked(l.value(0).toString(), l.value(1).toString(), true);
      break;
    }
    case JobKind::MeasureSpeed: {
      measuring_ = false;
      TrainingSpeed speed = result.value<TrainingSpeed>();
      if (speedModel()) settings_.setTrainingSpeed(speedFamily(), speed);
      Q_EMIT speedChanged();
      Q_EMIT busyChanged();
      break;
    }
    case JobKind::SetUpProduct: {
      setProject(snapshotOf(result));
      submitTrain(valueOf(result).toLongLong(), lastTrainOptions_);
      break;
    }
    case JobKind::Train: {
      const TrainResult r = result.value<TrainResult>();
      finishLiveTraining(true);
      if (!r.warning.isEmpty())
        Q_EMIT notice(PageId::Learn, {MessageLevel::Warning, tr("The product is trained, but the project file "
                                                                "could not give its free space back to the disk yet."),
                                      tr("Free some disk space; it is given back the next time training ends."),
                                      r.warning, {}, {}, {}, {}});
      refresh();
      Q_EMIT trainingEnded(r.productId, true);
      makeExamplesAfterTraining(r.productId);
      break;
    }
    case JobKind::TryProduct:
      trying_ = false;
      Q_EMIT tryFinished(result.value<QList<TryImage>>());
      Q_EMIT busyChanged();
      break;
    case JobKind::CloseProject:
    case JobKind::SaveDraft: break;
    case JobKind::CheckDevice:
    case JobKind::CheckTrainingSpace: onSetupFinished(kind, result); break;
    default: onCatalogueFinished(kind, result); break;
  }
}

void AppController::onFailed(int, JobKind kind, const JobError& error) {
  switch (kind) {
    case JobKind::MakeDemo: openingDemo_ = false; break;
    case JobKind::ImportPhotos: importing_ = false; break;
    case JobKind::MeasureSpeed: measuring_ = false; break;
    case JobKind::TryProduct:
      trying_ = false;
      Q_EMIT tryFinished({});
      break;
    case JobKind::DescribeModel:
      defaultModel_.reset();
      defaultModelProblem_ = error.message;
      defaultModelProblemCode_ = error.code;
      checkingModel_ = std::max(0, checkingModel_ - 1);
      Q_EMIT environmentChanged();
      Q_EMIT modelChecked(error);
      break;
    case JobKind::SetModel:
      checkingModel_ = std::max(0, checkingModel_ - 1);
      Q_EMIT modelChecked(error);
      break;
    case JobKind::CheckDevice:
    case JobKind::CheckTrainingSpace: onSetupFailed(kind, error); return;
    case JobKind::Train: {
      const qint64 id = live_ ? live_->productId : 0;
      finishLiveTraining(false);
      refresh();
      Q_EMIT trainingEnded(id, false);
      break;
    }
    case JobKind::CheckCategory: Q_EMIT categoryChecked({}, error.message, false); return;
    case JobKind::RunBatch:
      finishLiveBatch(false);
      refresh();
      break;
    case JobKind::Review:
    case JobKind::SaveTemplate: refresh(); break;
    case JobKind::PreviewExport: Q_EMIT exportNamesReady({}, error.message); return;
    case JobKind::ExportImages: exporting_ = false; break;
    case JobKind::MakeExamples:
      makingExamples_ = false;
      refresh();  // the examples made before the failure are stored
      break;
    default: break;
  }
  failureNotice(kind, error);
  if (kind == JobKind::ExportImages) Q_EMIT exportFailed(error.code, error.message);
  Q_EMIT busyChanged();
}

void AppController::onCancelled(int, JobKind kind) {
  switch (kind) {
    case JobKind::MakeDemo: openingDemo_ = false; break;
    case JobKind::ImportPhotos:
      importing_ = false;
      refresh();
      break;
    case JobKind::MeasureSpeed: measuring_ = false; break;
    case JobKind::ExportImages:
      exporting_ = false;
      Q_EMIT exportFailed(QStringLiteral("cancelled"), {});
      break;
    case JobKind::CheckDevice: onSetupFailed(kind, {QStringLiteral("cancelled"), {}}); return;
    case JobKind::TryProduct:
      trying_ = false;
      Q_EMIT tryFinished({});
      break;
    case JobKind::Train: {
      const qint64 id = live_ ? live_->productId : 0;
      finishLiveTraining(false);
      refresh();
      Q_EMIT notice(PageId::Learn, {MessageLevel::Info, tr("Training stopped. Everything so far is saved."),
                                    tr("Resume it whenever you like; it continues where it stopped."), {}, {}, {}, {},
                                    {}});
      Q_EMIT trainingEnded(id, false);
      break;
    }
    case JobKind::MakeExamples:
      makingExamples_ = false;
      refresh();  // the examples made before the stop are kept
      break;
    case JobKind::RunBatch:
      finishLiveBatch(false);
      refresh();
      Q_EMIT notice(PageId::Generate, {MessageLevel::Info, tr("The batch stopped. The images made so far are kept."),
                                       tr("Continue it whenever you like; it goes on after the last image."), {}, {},
                                       {}, {}, {}});
      break;
    default: break;
  }
  Q_EMIT busyChanged();
}

void AppController::onProgress(int id, const JobProgress& p) {
  if (batch_ && id == batchJob_) {
    onBatchProgress(id, p);
    return;
  }
  if (!live_ || id != trainJob_) return;
  if (!p.stage.startsWith(QLatin1String("stage"))) {
    Q_EMIT trainingChanged();
    return;
  }
  const int stage = p.stage.mid(5).toInt();
  if (stage != live_->stage) {
    rate_.restart(p.step - 1 < 0 ? 0 : p.step - 1, now());
    live_->stage = stage;
  }
  rate_.update(p.step, now());
  live_->step = p.step;
  live_->total = p.total;
  live_->loss = p.loss;
  if (stage >= 1 && stage <= 3 && rate_.secondsPerStep()) live_->secondsPerStep[stage - 1] = *rate_.secondsPerStep();
  Q_EMIT lossPoint(stage, static_cast<int>(p.step), p.loss);
  Q_EMIT trainingChanged();
}

void AppController::onPreview(int id, const TrainingPreview& preview) {
  if (id == trainJob_) Q_EMIT previewArrived(preview);
}

std::optional<TrainingSpeed> AppController::speedFor(int resolution) const {
  if (!device_ || !speedModel()) return std::nullopt;
  return settings_.trainingSpeed(device_->description, speedFamily(), resolution);
}

std::optional<double> AppController::estimateSeconds(const QString& preset, int resolution) const {
  if (!presets_.contains(preset)) return std::nullopt;
  return estimateSeconds(presets_[preset], resolution);
}

std::optional<double> AppController::estimateSeconds(const std::array<StagePlan, 3>& plan, int resolution) const {
  const auto speed = speedFor(resolution);
  if (!speed) return std::nullopt;
  double total = 0;
  for (int k = 0; k < 3; ++k) total += plan[k].steps * plan[k].batch * speed->secondsPerSample[k];
  return total;
}

std::optional<double> AppController::trainingSecondsLeft() const {
  if (!live_ || live_->stage < 1) return std::nullopt;
  const int k = live_->stage - 1;
  const auto current = rate_.secondsFor(live_->total - live_->step);
  if (!current) return std::nullopt;
  double left = *current;
  const auto remembered = project_ && project_->model ? speedFor(product() ? product()->resolution : 512) : std::nullopt;
  for (int j = k + 1; j < 3; ++j) {
    const StagePlan& s = live_->plan[j];
    if (remembered)
      left += s.steps * s.batch * remembered->secondsPerSample[j];
    else if (live_->secondsPerStep[k] > 0 && live_->plan[k].batch > 0)
      left += s.steps * s.batch * live_->secondsPerStep[k] / live_->plan[k].batch;
  }
  return left;
}

void AppController::measureSpeed(int resolution) {
  if (measuring_ || !project_) return;
  measuring_ = true;
  runner_->submit(JobKind::MeasureSpeed, tr("Measuring the speed of this computer"),
                  [resolution](Engine& e, JobContext& c) { return QVariant::fromValue(e.measureSpeed(resolution, c)); });
  Q_EMIT busyChanged();
}

void AppController::train(const ProductSetup& setup, const TrainOptions& options) {
  if (!project_ || live_ || refuseReadOnly(PageId::Learn)) return;
  if (device_ && !device_->cuda) {
    // The plan as it will run: the preset with the steps and batch sizes the page changed.
    std::optional<double> seconds;
    if (presets_.contains(setup.preset)) {
      auto plan = presets_[setup.preset];
      for (int k = 0; k < 3; ++k) {
        if (setup.steps[k] >= 0) plan[k].steps = setup.steps[k];
        if (setup.batch[k] > 0) plan[k].batch = setup.batch[k];
      }
      seconds = estimateSeconds(plan, setup.resolution);
    }
    const QString time = seconds          ? Format::duration(*seconds)
                         : usesDemoModel() ? tr("a few minutes")
                                           : tr("many hours, possibly days");
    if (!dialogs_.confirm(nullptr, tr("Train on the CPU?"),
                          tr("This computer has no GPU that Rashisa can use, so training runs on the CPU. It will "
                             "take %1. You can pause or stop it at any time; progress is saved.")
                              .arg(time),
                          tr("Train on the CPU"), tr("Cancel")))
      return;
  }
  lastTrainOptions_ = options;
  runner_->submit(JobKind::SetUpProduct, tr("Setting up the product"), [setup](Engine& e, JobContext&) {
    return detail::withSnapshot(e.setUpProduct(setup), e);
  });
}

void AppController::resumeTraining(qint64 productId, const TrainOptions& options) {
  if (live_ || refuseReadOnly(PageId::Learn)) return;
  submitTrain(productId, options);
}

void AppController::restartTraining(qint64 productId, const TrainOptions& options) {
  if (live_ || refuseReadOnly(PageId::Learn)) return;
  TrainOptions o = options;
  o.restart = true;
  submitTrain(productId, o);
}

void AppController::submitTrain(qint64 productId, const TrainOptions& options) {
  LiveTraining live;
  live.productId = productId;
  for (const Product& p : project().products)
    if (p.id == productId) live.plan = p.stages;
  if (!options.restart)
    for (const Product& p : project().products)
      if (p.id == productId && p.stage > 0) {
        std::tie(live.stage, live.step) = p.resumePoint();
        live.resumed = true;
      }
  live_ = live;
  rate_.restart(0, now());
  lastTrainOptions_ = options;
  const QString name = product() ? product()->name : QString();
  trainJob_ = runner_->submit(
      JobKind::Train, tr("Learning \"%1\"").arg(name),
      [productId, options](Engine& e, JobContext& c) { return QVariant::fromValue(e.train(productId, options, c)); },
      true);
  live_->runId = trainJob_;
  Q_EMIT trainingChanged();
  Q_EMIT busyChanged();
}

void AppController::finishLiveTraining(bool finished) {
  if (!live_) return;
  if (finished && live_->stage > 0) live_->stage = 4;
  refineSpeed();
  live_.reset();
  trainJob_ = 0;
  Q_EMIT trainingChanged();
  Q_EMIT busyChanged();
}

void AppController::refineSpeed() {
  // The run's own step times replace the measured ones for the stages it timed.
  if (!live_ || !device_ || !project_ || !project_->model) return;
  const int resolution = product() ? product()->resolution : 512;
  std::optional<TrainingSpeed> speed = speedFor(resolution);
  TrainingSpeed s = speed.value_or(TrainingSpeed{});
  bool complete = true;
  for (int k = 0; k < 3; ++k) {
    if (live_->secondsPerStep[k] > 0 && live_->plan[k].batch > 0)
      s.secondsPerSample[k] = live_->secondsPerStep[k] / live_->plan[k].batch;
    complete = complete && s.secondsPerSample[k] > 0;
  }
  if (!complete) return;
  s.device = device_->description;
  s.description = device_->description;
  s.resolution = resolution;
  settings_.setTrainingSpeed(speedFamily(), s);
  Q_EMIT speedChanged();
}

void AppController::tryProduct(const TryRequest& request) {
  if (trying_ || live_) return;
  trying_ = true;
  runner_->submit(
      JobKind::TryProduct, tr("Making trial images"),
      [request](Engine& e, JobContext& c) { return QVariant::fromValue(e.tryProduct(request, c)); }, true);
  Q_EMIT busyChanged();
}

}  // namespace rashisa::ui
