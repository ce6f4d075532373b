#pragma once
// Private to the job runner: the state shared with the worker thread, and the worker.
#include "engine/core/progress.h"
#include "ui/jobs/job_runner.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <deque>

namespace rashisa::ui {

struct QueuedJob {
  ActiveJob info;
  JobRunner::Work work;
};

/// Guarded by `mutex`: the queue, what runs, pause and the current job's cancel token.
struct JobShared {
  QMutex mutex;
  QWaitCondition changed;  // pause/resume/cancel/idle
  std::deque<QueuedJob> queue;
  std::deque<QueuedJob> quick;  // quick jobs: also run between two steps of the job in flight
  int quickRunning = 0;
  bool running = false;
  ActiveJob current;
  bool paused = false;
  std::shared_ptr<CancelToken> cancel;
};

class JobWorker : public QObject {
  Q_OBJECT

 public:
  JobWorker(std::shared_ptr<JobShared> shared, Engine& engine) : shared_(std::move(shared)), engine_(engine) {}

  /// Runs the next queued job (one call per submitted job); quick jobs first.
  Q_INVOKABLE void runNext();
  /// Runs the quick jobs waiting now (on the worker thread, between two steps or when idle).
  void runQuickJobs();

 Q_SIGNALS:
  void started(const rashisa::ui::ActiveJob& job);
  void progress(int id, const rashisa::ui::JobProgress& progress);
  void preview(int id, const rashisa::ui::TrainingPreview& preview);
  void imageMade(int id, const rashisa::ui::ImageItem& image);
  void finished(int id, rashisa::ui::JobKind kind, const QVariant& result);
  void failed(int id, rashisa::ui::JobKind kind, const rashisa::ui::JobError& error);
  void cancelled(int id, rashisa::ui::JobKind kind);
  void ended(int id);

 private:
  /// Runs one job's work, turning its outcome into the finished/failed/cancelled signal.
  void execute(QueuedJob& job, JobContext& context);

  std::shared_ptr<JobShared> shared_;
  Engine& engine_;
};

}  // namespace rashisa::ui
