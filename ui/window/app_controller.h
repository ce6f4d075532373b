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

enum class PageId { Start, Photos, Learn };

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

  // ---- actions -----------------------------------------------------------------------
  /// First things at start: the device, the default model, the project given on the command line.
  void startUp(const QString& projectPath);
  void newProject(const QString& path, const QStringList& photos = {});
  void openProject(const QString& path);
  void closeProject();
  void importPhotos(const QStringList& paths);
  void removePhotos(const QList<qint64>& ids);
  void saveDraft(const QString& name, const QString& category);
  /// The project's base model when a project is open; otherwise the default for new projects.
  void chooseModel(const QString& path);
  void checkCategory(const QString& word);
  void measureSpeed(int resolution);
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

 Q_SIGNALS:
  void projectChanged();
  void environmentChanged();
  void notice(rashisa::ui::PageId page, const rashisa::ui::Notice& notice);
  void importFinished(const rashisa::ui::ImportReport& report);
  void categoryChecked(const QString& word, const QString& problem, bool checked);
  void speedChanged();
  void trainingChanged();
  void lossPoint(int stage, int step, double loss);
  void previewArrived(const rashisa::ui::TrainingPreview& preview);
  void trainingEnded(qint64 productId, bool finished);
  void tryFinished(const QList<rashisa::ui::TryImage>& images);
  void busyChanged();

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
  void refineSpeed();
  PageId pageOf(JobKind kind) const;
  void failureNotice(JobKind kind, const JobError& error);
  /// The memory plan one step smaller than the one that ran out ("" when none is smaller).
  QString lowerMemoryPlan(const QString& message) const;
  double now() const;

  Settings& settings_;
  Dialogs& dialogs_;
  std::unique_ptr<JobRunner> runner_;
  std::optional<ProjectSnapshot> project_;
  std::optional<DeviceInfo> device_;
  std::optional<ModelInfo> defaultModel_;
  QString defaultModelProblem_;
  QMap<QString, std::array<StagePlan, 3>> presets_;
  std::optional<LiveTraining> live_;
  StepRate rate_;
  QElapsedTimer clock_;
  TrainOptions lastTrainOptions_;
  int trainJob_ = 0;
  bool measuring_ = false;
  bool trying_ = false;
  bool importing_ = false;
  QStringList pendingPhotos_;  // photos to import once a new project exists
  QStringList log_;            // the last jobs and how they ended, for "copy details"
  void logJob(int id, const QString& what);
};

}  // namespace rashisa::ui

Q_DECLARE_METATYPE(rashisa::ui::PageId)
