#pragma once
// The application controller: what the window knows (the open project, the device, the base
// model, the training in flight) and every user action, each turned into a job for the job
// runner. Pages talk to it through signals and calls; they never call each other or the engine.
#include "ui/jobs/engine.h"
#include "ui/jobs/job_runner.h"
#include "ui/jobs/step_rate.h"
#include "ui/widgets/message_bar.h"

#include <QElapsedTimer>
#include <QMap>
#include <QObject>

#include <array>
#include <memory>
#include <optional>

namespace rashisa::ui {

class Dialogs;
class Settings;

enum class PageId { Start, Photos, Learn, Templates, Generate, Review, Export };

/// The training job in flight, as the Learn page and the job bar show it.
struct LiveTraining {
  int runId = 0;       // the job's id: a new run is a new id
  bool resumed = false;
  qint64 productId = 0;
  int stage = 0;  // 0 while the model loads; 1..3
  qint64 step = 0;
  qint64 total = 0;
  double loss = 0;
  std::array<StagePlan, 3> plan{};
  std::array<double, 3> secondsPerStep{};  // measured in this run (0: not yet)
  bool paused = false;
  bool stopping = false;
};

/// The batch in flight, as the Generate page and the job bar show it.
struct LiveBatch {
  qint64 batchId = 0;
  int runId = 0;
  qint64 done = 0;     // images stored
  qint64 total = 0;
  qint64 step = 0;     // denoising step of the image in flight
  qint64 steps = 0;
  double secondsPerImage = 0;  // measured in this run (0: not yet)
  bool paused = false;
  bool stopping = false;
};

class AppController : public QObject {
  Q_OBJECT

 public:
  AppController(std::unique_ptr<Engine> engine, Settings& settings, Dialogs& dialogs, QObject* parent = nullptr);
  ~AppController() override;

  JobRunner& jobs() { return *runner_; }
  Settings& settings() { return settings_; }
  Dialogs& dialogs() { return dialogs_; }

  // ---- state -------------------------------------------------------------------------
  bool hasProject() const { return project_.has_value(); }
  /// The open project (an empty snapshot when none is open).
  const ProjectSnapshot& project() const;
  const std::optional<DeviceInfo>& device() const { return device_; }
  /// The base model shown on the Start page: the project's, or the default for new projects.
  std::optional<ModelInfo> model() const;
  QString modelProblem() const;
  /// The error code behind modelProblem() ("" when there is none or it is not known).
  QString modelProblemCode() const;
  /// A base model is being checked (chosen, or the default one read at start).
  bool isCheckingModel() const { return checkingModel_ > 0; }
  QString defaultModelPath() const;
  QMap<QString, std::array<StagePlan, 3>> presetPlans() const { return presets_; }
  /// The product the Learn page is about: the one named like the draft, else the newest.
  const Product* product() const;
  bool isTraining() const { return live_.has_value(); }
  const std::optional<LiveTraining>& live() const { return live_; }
  std::optional<double> trainingSecondsLeft() const;
  bool isMeasuring() const { return measuring_; }
  bool isTrying() const { return trying_; }
  bool isImporting() const { return importing_; }
  /// An export is queued or running.
  bool isExporting() const { return exporting_; }
  /// Training speed remembered for this device and the project's model family.
  std::optional<TrainingSpeed> speedFor(int resolution) const;
  /// Seconds for a whole training run of `preset` at the remembered speed.
  std::optional<double> estimateSeconds(const QString& preset, int resolution) const;
  std::optional<double> estimateSeconds(const std::array<StagePlan, 3>& plan, int resolution) const;
  /// True when the photos allow training; otherwise `why` says what to do.
  bool photosReady(QString* why = nullptr) const;
  /// True when the Learn step can be used; otherwise `why` says what is missing.
  bool learnUnlocked(QString* why = nullptr) const;
  QString deviceChoice() const;

  bool isBatchRunning() const { return batch_.has_value(); }
  /// Template example images are being made (asked for, or started after a product learned).
  bool isMakingExamples() const { return makingExamples_; }
  const std::optional<LiveBatch>& liveBatch() const { return batch_; }
  std::optional<double> batchSecondsLeft() const;
  /// Seconds for `images` images of `steps` steps each at `size` px, from the remembered
  /// generation speed of this device and model family.
  std::optional<double> estimateGenerationSeconds(qint64 imageSteps, qint64 images, int size) const;
  /// The reviewer's name (from the settings).
  QString reviewer() const;
  /// Hours a photo shoot would have taken for the approved images (settings' rate).
  double hoursSaved() const;
  /// The first-start device check is running.
  bool isCheckingDevice() const { return checkDeviceJob_ != 0; }
  /// The memory setting that fits a device, as the engine picks it from the GPU's memory:
  /// "24gb", "16gb", "12gb", "8gb"; "" (automatic) on the CPU or when the memory is unknown.
  static QString memoryPlanFor(const DeviceInfo& device);
  /// Where the project's files grow (the project's folder, or the documents folder).
  QString workFolder() const;
  /// The base model in use (model()) is the demo model: its images are abstract patterns.
  bool usesDemoModel() const;
  /// The demo is being made or opened.
  bool isOpeningDemo() const { return openingDemo_; }
  /// Where the demo lives: "demo" in the user's data folder.
  static QString demoFolder();
  /// The project is open read-only: another program has it open for changes.
  bool isReadOnly() const;
  /// Why nothing can be changed now, naming who has the project ("" when it can be changed).
  QString readOnlyReason() const;
  /// The short reason a change button is disabled while the project is open read-only.
  QString readOnlyNote() const;

  // ---- actions -----------------------------------------------------------------------
  /// First things at start: the device, the default model, the project given on the command line.
  void startUp(const QString& projectPath);
  void newProject(const QString& path, const QStringList& photos = {});
  void openProject(const QString& path);
  /// Opens the project only to look at it, while another program changes it.
  void openProjectReadOnly(const QString& path);
  /// Opens the demo project in `folder` (empty: demoFolder()), making it first on the worker
  /// when it is not there; an existing demo is opened as it is.
  void openDemo(const QString& folder = {});
  void closeProject();
  void importPhotos(const QStringList& paths);
  void removePhotos(const QList<qint64>& ids);
  void saveDraft(const QString& name, const QString& category);
  /// The project's base model when a project is open; otherwise the default for new projects.
  void chooseModel(const QString& path);
  void checkCategory(const QString& word);
  void measureSpeed(int resolution);
  /// Checks the free space beside the project against what training `setup` will need (a quick
  /// job); trainingSpaceChecked() tells the result. Nothing happens without a base model.
  void checkTrainingSpace(const ProductSetup& setup, const QString& memoryPlan);
  /// Sets the product up (when it is new) and trains it.
  void train(const ProductSetup& setup, const TrainOptions& options);
  void resumeTraining(qint64 productId, const TrainOptions& options);
  void restartTraining(qint64 productId, const TrainOptions& options);
  void tryProduct(const TryRequest& request);
  void setDeviceChoice(const QString& device);
  void pauseJob();
  void resumeJob();
  /// Cancels the job in flight (training saves its progress first).
  void cancelJob();

  // ---- catalogue: templates, batches, review, export ---------------------------------
  void saveTemplate(const TemplateItem& item);
  void removeTemplate(qint64 id);
  /// Checks and expands a template being edited (quick lane); answers with templatePreviewed.
  /// Returns a number the answer carries, so an editor can drop answers to older requests.
  int previewTemplate(const TemplateItem& item, qint64 productId);
  void importTemplates(const QString& path);
  void exportTemplates(const QString& path, const QList<qint64>& ids);
  /// Example images of the templates without one, with the product (needs the model).
  void makeTemplateExamples(qint64 productId);
  void planBatch(const BatchRequest& request);
  /// Records the batch and starts making it.
  void startBatch(const BatchRequest& request);
  /// Continues an unfinished batch after its last stored image.
  void resumeBatch(qint64 batchId);
  void setReview(const QList<qint64>& imageIds, ReviewState state);
  void setReviewer(const QString& name);
  void loadImage(qint64 imageId);
  void loadPhoto(qint64 photoId);
  void regenerate(qint64 imageId);
  /// The image's prompt and settings with `count` new seeds, as a new small batch.
  void moreLikeThis(qint64 imageId, int count);
  void exportImages(const ExportSettings& settings);
  /// The first `max` file names an export would write (quick lane); answers with exportNamesReady.
  void previewExportNames(const ExportSettings& settings, int max);
  void measureGeneration(int size);

  // ---- first start and settings -------------------------------------------------------
  /// Measures training (a few steps of each stage) and generation speed on this device with
  /// the project's model, or without a project with the default model; stores the speeds for
  /// the time estimates and the memory setting that fits the device. Answers with deviceChecked.
  void checkDevice();
  /// Stops the device check if it is running (nothing is stored then).
  void cancelDeviceCheck();
  /// Settings were changed elsewhere (the Preferences dialog): pages that show them refresh.
  void notifySettingsChanged();
  /// The notice for a failed job: translated text, the fix as a button where there is one,
  /// and "copy details" (code, versions, the last jobs and the log's end).
  Notice noticeFor(JobKind kind, const JobError& error);

 Q_SIGNALS:
  void projectChanged();
  void environmentChanged();
  void notice(rashisa::ui::PageId page, const rashisa::ui::Notice& notice);
  void importFinished(const rashisa::ui::ImportReport& report);
  void categoryChecked(const QString& word, const QString& problem, bool checked);
  /// The space check's result; a default TrainingSpaceCheck (needed 0) when it could not be made.
  void trainingSpaceChecked(const rashisa::ui::TrainingSpaceCheck& space);
  void speedChanged();
  void trainingChanged();
  void lossPoint(int stage, int step, double loss);
  void previewArrived(const rashisa::ui::TrainingPreview& preview);
  void trainingEnded(qint64 productId, bool finished);
  void tryFinished(const QList<rashisa::ui::TryImage>& images);
  void busyChanged();
  void templatesImported(const rashisa::ui::TemplateImport& result);
  void templateSaved(const rashisa::ui::TemplateItem& item);
  void templatePreviewed(int request, const rashisa::ui::TemplatePreview& preview);
  void exportNamesReady(const QStringList& names, const QString& problem);
  void batchPlanned(const rashisa::ui::BatchPlan& plan);
  void imageMade(const rashisa::ui::ImageItem& image);
  void batchChanged();
  void batchEnded(qint64 batchId, bool finished);
  void imageLoaded(qint64 imageId, const QImage& image);
  void photoLoaded(qint64 photoId, const QImage& image);
  void regenerated(const rashisa::ui::RegenerateResult& result);
  void exportFinished(const rashisa::ui::ExportResult& result);
  /// The export failed (after the Export page got the usual notice) or, with code "cancelled",
  /// was stopped: the engine's code and text.
  void exportFailed(const QString& code, const QString& message);
  void generationSpeedChanged();
  /// A base model was checked: `error.code` is empty when it can be used.
  void modelChecked(const rashisa::ui::JobError& error);
  /// The device check ended: `error.code` is empty when it measured, "cancelled" when stopped.
  void deviceChecked(const rashisa::ui::JobError& error);
  void settingsChanged();

 private:
  void onFinished(int id, JobKind kind, const QVariant& result);
  void onFailed(int id, JobKind kind, const JobError& error);
  void onCancelled(int id, JobKind kind);
  void onProgress(int id, const JobProgress& progress);
  void onPreview(int id, const TrainingPreview& preview);
  void onPausedChanged(bool paused);
  void setProject(const ProjectSnapshot& snapshot);
  void refresh();
  void rememberRecent();
  void submitTrain(qint64 productId, const TrainOptions& options);
  void finishLiveTraining(bool finished);
  void onCatalogueFinished(JobKind kind, const QVariant& result);
  void onBatchProgress(int id, const JobProgress& progress);
  void onImageMade(int id, const ImageItem& image);
  void submitRunBatch(qint64 batchId);
  void makeExamplesAfterTraining(qint64 productId);
  void finishLiveBatch(bool finished);
  void refineSpeed();
  PageId pageOf(JobKind kind) const;
  void failureNotice(JobKind kind, const JobError& error);
  /// The memory plan one step smaller than the one that ran out ("" when none is smaller).
  QString lowerMemoryPlan(const QString& message) const;
  double now() const;
  void onSetupFinished(JobKind kind, const QVariant& result);
  void onSetupFailed(JobKind kind, const JobError& error);
  /// The model speeds are remembered for: the project's, or the default one without a project.
  const std::optional<ModelInfo>& speedModel() const;
  /// The model family the speeds are remembered for ("demo" for the tiny demo model).
  QString speedFamily() const;
  /// "Rashisa needs about 25 GB free at <folder>, and 3 GB is free now...".
  QString diskFullAdvice(JobKind kind) const;
  void addModelActions(Notice& n);
  /// A change asked for while the project is read-only: says why on `page`; true when refused.
  bool refuseReadOnly(PageId page);
  /// `opened` is a refusal (another program has the project): asks whether to open it
  /// read-only and does so. False when `opened` is an open project.
  bool offerReadOnly(const ProjectSnapshot& opened);

  Settings& settings_;
  Dialogs& dialogs_;
  std::unique_ptr<JobRunner> runner_;
  std::optional<ProjectSnapshot> project_;
  std::optional<DeviceInfo> device_;
  std::optional<ModelInfo> defaultModel_;
  QString defaultModelProblem_;
  QString defaultModelProblemCode_;
  int checkingModel_ = 0;   // model checks queued or running
  int checkDeviceJob_ = 0;  // the device check's job id (0: none)
  TrainingSpaceCheck trainingSpace_;  // the last space check's estimate (needed 0: none)
  QMap<QString, std::array<StagePlan, 3>> presets_;
  std::optional<LiveTraining> live_;
  std::optional<LiveBatch> batch_;
  int batchJob_ = 0;
  int templatePreviews_ = 0;
  StepRate imageRate_;
  StepRate rate_;
  QElapsedTimer clock_;
  TrainOptions lastTrainOptions_;
  int trainJob_ = 0;
  bool measuring_ = false;
  bool trying_ = false;
  bool importing_ = false;
  bool exporting_ = false;
  bool makingExamples_ = false;
  bool openingDemo_ = false;
  QStringList pendingPhotos_;  // photos to import once a new project exists
  QStringList log_;            // the last jobs and how they ended, for "copy details"
  void logJob(int id, const QString& what);
};

}  // namespace rashisa::ui

Q_DECLARE_METATYPE(rashisa::ui::PageId)
