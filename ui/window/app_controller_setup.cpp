// AppController: the first-start device check, settings changed elsewhere, and the fixes
// offered with errors (choosing the model again, the space a full disk needs).
#include "ui/settings/settings.h"
#include "ui/text/error_text.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStorageInfo>

namespace rashisa::ui {

namespace {

/// The size the device check measures at: the native size of SD 1.5 and 2.1-base.
constexpr int kCheckSize = 512;
/// Free space training needs: a stage-3 checkpoint is about 10 GB and the project file holds
/// two while one replaces the other (as the Start page's environment card says).
constexpr qint64 kTrainingSpace = qint64(25) << 30;
/// Free space anything else needs (images, photos, exports): a few hundred images.
constexpr qint64 kOtherSpace = qint64(1) << 30;

}  // namespace

QString AppController::memoryPlanFor(const DeviceInfo& device) {
  if (!device.cuda || device.totalMemory <= 0) return {};
  // Ref: engine/ml/train/train_config.cpp memory_plan_for(), on the card's whole memory (a
  // "16 GB" card reports about 15.6 GiB, hence the lower steps than the engine's free-memory ones).
  const double gib = static_cast<double>(device.totalMemory) / double(qint64(1) << 30);
  if (gib >= 22) return QStringLiteral("24gb");
  if (gib >= 14) return QStringLiteral("16gb");
  if (gib >= 10) return QStringLiteral("12gb");
  return QStringLiteral("8gb");
}

const std::optional<ModelInfo>& AppController::speedModel() const {
  return project_ ? project_->model : defaultModel_;
}

QString AppController::workFolder() const {
  if (project_ && !project_->path.isEmpty()) return QFileInfo(project_->path).absolutePath();
  return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void AppController::checkDevice() {
  if (checkDeviceJob_ != 0) return;
  const QString model = project_ ? QString() : settings_.defaultModel();
  checkDeviceJob_ = runner_->submit(
      JobKind::CheckDevice, tr("Measuring the speed of this computer"),
      [model](Engine& e, JobContext& c) {
        if (!model.isEmpty()) e.setMeasureModel(model);
        const TrainingSpeed training = e.measureSpeed(kCheckSize, c);
        const GenerationSpeed generation = e.measureGeneration(kCheckSize, c);
        return QVariantList{QVariant::fromValue(training), QVariant::fromValue(generation)};
      },
      true);
  Q_EMIT busyChanged();
}

void AppController::cancelDeviceCheck() {
  const auto active = runner_->activeJob();
  if (checkDeviceJob_ != 0 && active && active->id == checkDeviceJob_) runner_->cancelCurrent();
}

void AppController::checkTrainingSpace(const ProductSetup& setup, const QString& memoryPlan) {
  if (!project_ || project_->modelPath.isEmpty()) return;
  runner_->submitQuick(JobKind::CheckTrainingSpace, tr("Checking the free disk space"),
                       [setup, memoryPlan](Engine& e, JobContext&) {
                         return QVariant::fromValue(e.trainingSpace(setup, memoryPlan));
                       });
}

void AppController::onSetupFinished(JobKind kind, const QVariant& result) {
  if (kind == JobKind::CheckTrainingSpace) {
    trainingSpace_ = result.value<TrainingSpaceCheck>();
    Q_EMIT trainingSpaceChecked(trainingSpace_);
    return;
  }
  if (kind != JobKind::CheckDevice) return;
  checkDeviceJob_ = 0;
  const QVariantList l = result.toList();
  if (speedModel()) {
    settings_.setTrainingSpeed(speedFamily(), l.value(0).value<TrainingSpeed>());
    settings_.setGenerationSpeed(speedFamily(), l.value(1).value<GenerationSpeed>());
  }
  if (device_) settings_.setMemoryPlan(memoryPlanFor(*device_));
  Q_EMIT speedChanged();
  Q_EMIT generationSpeedChanged();
  Q_EMIT settingsChanged();
  Q_EMIT deviceChecked({});
  Q_EMIT busyChanged();
}

void AppController::onSetupFailed(JobKind kind, const JobError& error) {
  // Without the estimate there is nothing to warn about; training itself reports a full disk.
  if (kind == JobKind::CheckTrainingSpace) {
    trainingSpace_ = {};
    Q_EMIT trainingSpaceChecked({});
    return;
  }
  if (kind != JobKind::CheckDevice) return;
  checkDeviceJob_ = 0;
  Q_EMIT deviceChecked(error);
  Q_EMIT busyChanged();
}

void AppController::notifySettingsChanged() { Q_EMIT settingsChanged(); }

QString AppController::diskFullAdvice(JobKind kind) const {
  const bool exporting = kind == JobKind::ExportImages || kind == JobKind::ExportTemplates;
  QString folder = exporting ? settings_.exportFolder() : workFolder();
  while (!folder.isEmpty() && !QDir(folder).exists() && QFileInfo(folder).absolutePath() != folder)
    folder = QFileInfo(folder).absolutePath();
  const QStorageInfo storage(folder);
  // Training: the Learn page's estimate for this project and these settings, when there is one.
  const bool estimated = kind == JobKind::Train && trainingSpace_.needed > 0 && QDir(trainingSpace_.folder) == QDir(folder);
  const qint64 needed = estimated ? trainingSpace_.needed : kind == JobKind::Train ? kTrainingSpace : kOtherSpace;
  return ErrorText::diskAdvice(folder, needed, storage.isValid() ? storage.bytesAvailable() : -1);
}

void AppController::addModelActions(Notice& n) {
  n.actionText = tr("Choose a model file…");
  n.action = [this] { chooseModel(dialogs_.modelPath(nullptr, false)); };
  n.secondText = tr("Choose a model folder…");
  n.second = [this] { chooseModel(dialogs_.modelPath(nullptr, true)); };
}

}  // namespace rashisa::ui
