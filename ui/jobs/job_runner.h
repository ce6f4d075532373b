#pragma once
// The job runner: one worker QThread that owns the engine (the open project and its loaded
// base model) and runs one job at a time from a queue. Progress, previews, results and
// failures arrive on the GUI thread as queued signals; cancel goes through the engine's
// CancelToken; pause holds the job between two steps. The destructor cancels and waits, so
// no engine work outlives the window that started it.
// Pattern: qBittorrent src/base/bittorrent/torrentcreator.* (worker + stop flag + signals),
// Qt Creator src/libs/utils/async.h (cancel and wait in the destructor).
#include "ui/jobs/engine.h"

#include <QObject>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

class QThread;

namespace rashisa::ui {

enum class JobKind {
  ProbeDevice,
  DescribeModel,
  CreateProject,
  OpenProject,
  CloseProject,
  Refresh,
  ImportPhotos,
  RemovePhotos,
  SaveDraft,
  SetModel,
  CheckCategory,
  MeasureSpeed,
  SetUpProduct,
  Train,
  TryProduct,
  SaveTemplate,
  RemoveTemplate,
  ImportTemplates,
  ExportTemplates,
  MakeExamples,
  PlanBatch,
  QueueBatch,
  RunBatch,
  LoadImage,
  Review,
  Regenerate,
  ExportImages,
  MeasureGeneration,
  PreviewTemplate,
  PreviewExport,
  CheckDevice,  // the first-start device check: training and generation speed
  MakeDemo,     // makes the demo project when it is not there, and opens it
  CheckTrainingSpace,  // free space beside the project against what training will need
};

/// Exclusive jobs run one at a time in order; quick jobs (small reads and edits of the project,
/// no model) also run between two steps of the exclusive job in flight, so templates can be
/// edited and images reviewed while a product trains or a batch runs.
enum class Lane { Exclusive, Quick };

struct ActiveJob {
  int id = 0;
  JobKind kind = JobKind::Refresh;
  QString title;
  bool pausable = false;
  Lane lane = Lane::Exclusive;
};

class JobWorker;
struct JobShared;

class JobRunner : public QObject {
  Q_OBJECT

 public:
  /// Runs on the worker thread; returns the job's result (converted into a QVariant).
  using Work = std::function<QVariant(Engine&, JobContext&)>;

  explicit JobRunner(std::unique_ptr<Engine> engine, QObject* parent = nullptr);
  ~JobRunner() override;

  /// Queues a job; returns its id. `title` is shown in the job bar (translated by the caller);
  /// `pausable` jobs wait between steps while paused.
  int submit(JobKind kind, const QString& title, Work work, bool pausable = false);
  /// A quick job (see Lane): runs as soon as the worker is between two steps.
  int submitQuick(JobKind kind, const QString& title, Work work);

  void pause();
  void resume();
  bool isPaused() const;
  /// The job in flight stops after its current step (training writes its checkpoint).
  void cancelCurrent();
  /// Drops the queued jobs and cancels the one in flight.
  void cancelAll();

  /// A job is running or queued on the worker. The worker's view: a job that has just finished
  /// is not busy, while its finished() signal may still be queued for the GUI thread, so a page
  /// that waits for a job's result waits for that signal (or its own state), not for !isBusy().
  bool isBusy() const;
  std::optional<ActiveJob> activeJob() const;
  /// Blocks (processing no events) until the worker has nothing left, or `msecs` pass.
  /// Returns true when idle. For shutdown paths; the window uses the idle() signal.
  bool waitForIdle(int msecs);

 Q_SIGNALS:
  void jobStarted(const rashisa::ui::ActiveJob& job);
  void progress(int id, const rashisa::ui::JobProgress& progress);
  void preview(int id, const rashisa::ui::TrainingPreview& preview);
  void imageMade(int id, const rashisa::ui::ImageItem& image);
  void jobFinished(int id, rashisa::ui::JobKind kind, const QVariant& result);
  void jobFailed(int id, rashisa::ui::JobKind kind, const rashisa::ui::JobError& error);
  void jobCancelled(int id, rashisa::ui::JobKind kind);
  void pausedChanged(bool paused);
  /// The queue ran empty and nothing is in flight.
  void idle();

 private:
  void onStarted(const rashisa::ui::ActiveJob& job);
  void onEnded(int id);

  std::shared_ptr<JobShared> shared_;
  std::unique_ptr<Engine> engine_;
  QThread* thread_ = nullptr;
  JobWorker* worker_ = nullptr;
  int nextId_ = 1;
};

}  // namespace rashisa::ui

Q_DECLARE_METATYPE(rashisa::ui::ActiveJob)
Q_DECLARE_METATYPE(rashisa::ui::JobKind)
