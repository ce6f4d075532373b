#include "ui/jobs/job_runner.h"

#include "engine/core/error.h"
#include "engine/store/store_error.h"
#include "ui/jobs/job_worker_p.h"

#include <QDeadlineTimer>
#include <QThread>

#include <new>

namespace rashisa::ui {

namespace {

/// The worker's side of one job.
class RunnerContext final : public JobContext {
 public:
  RunnerContext(JobWorker& worker, JobShared& shared, int id, std::shared_ptr<CancelToken> cancel, bool pausable,
                bool quick)
      : worker_(worker), shared_(shared), id_(id), cancel_(std::move(cancel)), pausable_(pausable), quick_(quick) {}

  void report(const JobProgress& progress) override { Q_EMIT worker_.progress(id_, progress); }
  void preview(const TrainingPreview& preview) override { Q_EMIT worker_.preview(id_, preview); }
  void imageMade(const ImageItem& image) override { Q_EMIT worker_.imageMade(id_, image); }

  bool proceed() override {
    for (;;) {
      // Quick jobs never nest, and run between the steps of the exclusive job in flight.
      if (!quick_) worker_.runQuickJobs();
      QMutexLocker lock(&shared_.mutex);
      if (cancel_->cancelled()) return false;
      if (!(pausable_ && shared_.paused)) return true;
      if (!shared_.quick.empty()) continue;
      shared_.changed.wait(&shared_.mutex);
    }
  }

  const CancelToken* cancelToken() const override { return cancel_.get(); }

 private:
  JobWorker& worker_;
  JobShared& shared_;
  int id_;
  std::shared_ptr<CancelToken> cancel_;
  bool pausable_;
  bool quick_;
};

JobError error_of(const std::exception& e, const QString& code) { return {code, QString::fromUtf8(e.what())}; }

}  // namespace

void JobWorker::execute(QueuedJob& job, JobContext& context) {
  const int id = job.info.id;
  const JobKind kind = job.info.kind;
  Q_EMIT started(job.info);
  try {
    const QVariant result = job.work(engine_, context);
    Q_EMIT finished(id, kind, result);
  } catch (const store::StoreError& e) {
    Q_EMIT failed(id, kind, error_of(e, QString::fromLatin1(store::fault_name(e.fault()))));
  } catch (const ModelError& e) {
    Q_EMIT failed(id, kind, error_of(e, QString::fromLatin1(model_fault_name(e.fault()))));
  } catch (const Error& e) {
    if (e.code() == ErrorCode::Cancelled)
      Q_EMIT cancelled(id, kind);
    else
      Q_EMIT failed(id, kind, error_of(e, QString::fromLatin1(error_code_name(e.code()))));
  } catch (const std::bad_alloc& e) {
    Q_EMIT failed(id, kind, error_of(e, QStringLiteral("out-of-memory")));
  } catch (const std::exception& e) {
    Q_EMIT failed(id, kind, error_of(e, QStringLiteral("internal")));
  } catch (...) {
    Q_EMIT failed(id, kind, JobError{QStringLiteral("internal"), QStringLiteral("unknown failure")});
  }
}

void JobWorker::runQuickJobs() {
  for (;;) {
    QueuedJob job;
    {
      QMutexLocker lock(&shared_->mutex);
      if (shared_->quick.empty()) return;
      job = std::move(shared_->quick.front());
      shared_->quick.pop_front();
      ++shared_->quickRunning;
    }
    RunnerContext context(*this, *shared_, job.info.id, std::make_shared<CancelToken>(), false, true);
    execute(job, context);
    {
      QMutexLocker lock(&shared_->mutex);
      --shared_->quickRunning;
      shared_->changed.wakeAll();
    }
    Q_EMIT ended(job.info.id);
  }
}

void JobWorker::runNext() {
  runQuickJobs();
  QueuedJob job;
  std::shared_ptr<CancelToken> cancel;
  {
    QMutexLocker lock(&shared_->mutex);
    if (shared_->queue.empty()) return;
    job = std::move(shared_->queue.front());
    shared_->queue.pop_front();
    shared_->running = true;
    shared_->current = job.info;
    shared_->cancel = std::make_shared<CancelToken>();
    cancel = shared_->cancel;
  }
  RunnerContext context(*this, *shared_, job.info.id, cancel, job.info.pausable, false);
  execute(job, context);
  {
    QMutexLocker lock(&shared_->mutex);
    shared_->running = false;
    shared_->cancel.reset();
    shared_->changed.wakeAll();
  }
  Q_EMIT ended(job.info.id);
  runQuickJobs();
}

JobRunner::JobRunner(std::unique_ptr<Engine> engine, QObject* parent)
    : QObject(parent), shared_(std::make_shared<JobShared>()), engine_(std::move(engine)) {
  qRegisterMetaType<ActiveJob>();
  qRegisterMetaType<JobKind>();
  qRegisterMetaType<JobProgress>();
  qRegisterMetaType<TrainingPreview>();
  qRegisterMetaType<ImageItem>();
  qRegisterMetaType<JobError>();
  thread_ = new QThread(this);
  thread_->setObjectName(QStringLiteral("rashisa-jobs"));
  worker_ = new JobWorker(shared_, *engine_);
  worker_->moveToThread(thread_);
  connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
  connect(worker_, &JobWorker::started, this, &JobRunner::onStarted, Qt::QueuedConnection);
  connect(worker_, &JobWorker::progress, this, &JobRunner::progress, Qt::QueuedConnection);
  connect(worker_, &JobWorker::preview, this, &JobRunner::preview, Qt::QueuedConnection);
  connect(worker_, &JobWorker::imageMade, this, &JobRunner::imageMade, Qt::QueuedConnection);
  connect(worker_, &JobWorker::finished, this, &JobRunner::jobFinished, Qt::QueuedConnection);
  connect(worker_, &JobWorker::failed, this, &JobRunner::jobFailed, Qt::QueuedConnection);
  connect(worker_, &JobWorker::cancelled, this, &JobRunner::jobCancelled, Qt::QueuedConnection);
  connect(worker_, &JobWorker::ended, this, &JobRunner::onEnded, Qt::QueuedConnection);
  thread_->start();
}

JobRunner::~JobRunner() {
  cancelAll();
  thread_->quit();
  thread_->wait();
  // The worker is gone; the engine (project, model) is released here, after its last job.
  engine_.reset();
}

int JobRunner::submit(JobKind kind, const QString& title, Work work, bool pausable) {
  const int id = nextId_++;
  {
    QMutexLocker lock(&shared_->mutex);
    shared_->queue.push_back({ActiveJob{id, kind, title, pausable, Lane::Exclusive}, std::move(work)});
  }
  QMetaObject::invokeMethod(worker_, "runNext", Qt::QueuedConnection);
  return id;
}

int JobRunner::submitQuick(JobKind kind, const QString& title, Work work) {
  const int id = nextId_++;
  {
    QMutexLocker lock(&shared_->mutex);
    shared_->quick.push_back({ActiveJob{id, kind, title, false, Lane::Quick}, std::move(work)});
    shared_->changed.wakeAll();  // a paused job runs it while it waits
  }
  QMetaObject::invokeMethod(worker_, "runNext", Qt::QueuedConnection);
  return id;
}

void JobRunner::pause() {
  {
    QMutexLocker lock(&shared_->mutex);
    if (shared_->paused) return;
    shared_->paused = true;
  }
  Q_EMIT pausedChanged(true);
}

void JobRunner::resume() {
  {
    QMutexLocker lock(&shared_->mutex);
    if (!shared_->paused) return;
    shared_->paused = false;
    shared_->changed.wakeAll();
  }
  Q_EMIT pausedChanged(false);
}

bool JobRunner::isPaused() const {
  QMutexLocker lock(&shared_->mutex);
  return shared_->paused;
}

void JobRunner::cancelCurrent() {
  QMutexLocker lock(&shared_->mutex);
  if (shared_->cancel) shared_->cancel->cancel();
  shared_->changed.wakeAll();
}

void JobRunner::cancelAll() {
  QMutexLocker lock(&shared_->mutex);
  shared_->queue.clear();
  shared_->quick.clear();
  if (shared_->cancel) shared_->cancel->cancel();
  shared_->changed.wakeAll();
}

bool JobRunner::isBusy() const {
  QMutexLocker lock(&shared_->mutex);
  return shared_->running || shared_->quickRunning > 0 || !shared_->queue.empty() || !shared_->quick.empty();
}

std::optional<ActiveJob> JobRunner::activeJob() const {
  QMutexLocker lock(&shared_->mutex);
  if (!shared_->running) return std::nullopt;
  return shared_->current;
}

bool JobRunner::waitForIdle(int msecs) {
  QDeadlineTimer deadline(msecs);
  QMutexLocker lock(&shared_->mutex);
  while (shared_->running || shared_->quickRunning > 0 || !shared_->queue.empty() || !shared_->quick.empty()) {
    if (!shared_->changed.wait(&shared_->mutex, deadline)) return false;
  }
  return true;
}

void JobRunner::onStarted(const ActiveJob& job) { Q_EMIT jobStarted(job); }

void JobRunner::onEnded(int) {
  bool paused = false;
  {
    QMutexLocker lock(&shared_->mutex);
    if (shared_->running || shared_->quickRunning > 0 || !shared_->queue.empty() || !shared_->quick.empty()) return;
    // A pause ends with the job it held.
    paused = shared_->paused;
    shared_->paused = false;
  }
  if (paused) Q_EMIT pausedChanged(false);
  Q_EMIT idle();
}

}  // namespace rashisa::ui
