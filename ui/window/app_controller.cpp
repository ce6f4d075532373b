#include "ui/window/app_controller.h"

#include "ui/settings/settings.h"
#include "ui/text/error_text.h"
#include "ui/window/app_controller_p.h"
#include "ui/window/dialogs.h"
#include "ui/window/log_file.h"

#include <QBuffer>
#include <QDateTime>
#include <QFileInfo>

namespace rashisa::ui {

using detail::withSnapshot;

namespace {

const ProjectSnapshot& emptySnapshot() {
  static const ProjectSnapshot empty;
  return empty;
}

}  // namespace

AppController::AppController(std::unique_ptr<Engine> engine, Settings& settings, Dialogs& dialogs, QObject* parent)
    : QObject(parent), settings_(settings), dialogs_(dialogs), runner_(std::make_unique<JobRunner>(std::move(engine))) {
  qRegisterMetaType<ProjectSnapshot>();
  qRegisterMetaType<ImportReport>();
  clock_.start();
  connect(runner_.get(), &JobRunner::jobFinished, this, &AppController::onFinished);
  connect(runner_.get(), &JobRunner::jobFailed, this, &AppController::onFailed);
  connect(runner_.get(), &JobRunner::jobCancelled, this, &AppController::onCancelled);
  connect(runner_.get(), &JobRunner::progress, this, &AppController::onProgress);
  connect(runner_.get(), &JobRunner::preview, this, &AppController::onPreview);
  connect(runner_.get(), &JobRunner::imageMade, this, &AppController::onImageMade);
  connect(runner_.get(), &JobRunner::pausedChanged, this, &AppController::onPausedChanged);
  connect(runner_.get(), &JobRunner::jobStarted, this, &AppController::busyChanged);
  connect(runner_.get(), &JobRunner::jobStarted, this,
          [this](const ActiveJob& job) { logJob(job.id, QStringLiteral("started kind %1").arg(static_cast<int>(job.kind))); });
  connect(runner_.get(), &JobRunner::jobFinished, this, [this](int id) { logJob(id, QStringLiteral("finished")); });
  connect(runner_.get(), &JobRunner::jobCancelled, this, [this](int id) { logJob(id, QStringLiteral("cancelled")); });
  connect(runner_.get(), &JobRunner::jobFailed, this,
          [this](int id, JobKind, const JobError& e) { logJob(id, QStringLiteral("failed: ") + e.code); });
  connect(runner_.get(), &JobRunner::idle, this, &AppController::busyChanged);
  const QString device = settings_.device();
  const QString reviewer = settings_.reviewer();
  runner_->submit(JobKind::ProbeDevice, tr("Checking this computer"), [device, reviewer](Engine& e, JobContext&) {
    e.setDevice(device);
    e.setReviewer(reviewer);
    return QVariantList{QVariant::fromValue(e.probeDevice()), QVariant::fromValue(e.presetPlans())};
  });
}

AppController::~AppController() {
  runner_->cancelAll();
  runner_.reset();  // waits for the worker
}

void AppController::logJob(int id, const QString& what) {
  log_.push_back(QStringLiteral("%1 job %2 %3").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)).arg(id).arg(what));
  while (log_.size() > 20) log_.removeFirst();
  if (LogFile* file = LogFile::current()) file->write(QStringLiteral("job %1 %2").arg(id).arg(what));
}

double AppController::now() const { return static_cast<double>(clock_.nsecsElapsed()) / 1e9; }

const ProjectSnapshot& AppController::project() const { return project_ ? *project_ : emptySnapshot(); }

std::optional<ModelInfo> AppController::model() const {
  if (project_ && !project_->modelPath.isEmpty()) return project_->model;
  return defaultModel_;
}

QString AppController::modelProblem() const {
  if (project_ && !project_->modelPath.isEmpty()) return project_->modelProblem;
  return defaultModelProblem_;
}

QString AppController::modelProblemCode() const {
  if (project_ && !project_->modelPath.isEmpty()) return project_->modelProblemCode;
  return defaultModelProblemCode_;
}

QString AppController::defaultModelPath() const { return settings_.defaultModel(); }

QString AppController::deviceChoice() const { return settings_.device(); }

const Product* AppController::product() const {
  if (!project_ || project_->products.isEmpty()) return nullptr;
  if (live_)
    for (const Product& p : project_->products)
      if (p.id == live_->productId) return &p;
  const QString name = project_->draftName.trimmed();
  for (const Product& p : project_->products)
    if (!name.isEmpty() && p.name == name) return &p;
  if (!name.isEmpty()) return nullptr;  // a new name: a new product to set up
  return &project_->products.back();
}

bool AppController::photosReady(QString* why) const {
  auto fail = [&](const QString& reason) {
    if (why) *why = reason;
    return false;
  };
  if (!project_) return fail(tr("Open or create a project first."));
  if (project_->photos.isEmpty()) return fail(tr("Add photos of the product first."));
  for (const PhotoFinding& f : project_->findings)
    if (f.severity == Severity::Error) return fail(tr("Fix the problems marked on the Photos page first."));
  return true;
}

bool AppController::learnUnlocked(QString* why) const { return photosReady(why); }

void AppController::startUp(const QString& projectPath) {
  const QString model = settings_.defaultModel();
  if (!model.isEmpty() && projectPath.isEmpty()) {
    ++checkingModel_;
    runner_->submit(JobKind::DescribeModel, tr("Checking the base model"),
                    [model](Engine& e, JobContext&) { return QVariant::fromValue(e.describeModel(model)); });
  }
  if (!projectPath.isEmpty()) openProject(projectPath);
}

void AppController::newProject(const QString& path, const QStringList& photos) {
  pendingPhotos_ = photos;
  const QString model = settings_.defaultModel();
  runner_->submit(JobKind::CreateProject, tr("Creating the project"), [path](Engine& e, JobContext&) {
    return QVariant::fromValue(e.createProject(path));
  });
  if (!model.isEmpty()) {
    ++checkingModel_;
    runner_->submit(JobKind::SetModel, tr("Checking the base model"), [model](Engine& e, JobContext& c) {
      return withSnapshot(QVariant::fromValue(e.setProjectModel(model, c)), e);
    });
  }
}

void AppController::openProject(const QString& path) {
  if (live_) cancelJob();
  runner_->submit(JobKind::OpenProject, tr("Opening the project"),
                  [path](Engine& e, JobContext&) { return QVariant::fromValue(e.openProject(path)); });
}

void AppController::closeProject() {
  if (!project_) return;
  rememberRecent();
  runner_->submit(JobKind::CloseProject, tr("Closing the project"), [](Engine& e, JobContext&) {
    e.closeProject();
    return QVariant();
  });
  project_.reset();
  Q_EMIT projectChanged();
}

void AppController::importPhotos(const QStringList& paths) {
  if (paths.isEmpty() || refuseReadOnly(PageId::Photos)) return;
  if (!project_) {
    Q_EMIT notice(PageId::Photos, {MessageLevel::Warning, tr("Open or create a project first."), {}, {}, {}, {}, {}, {}});
    return;
  }
  importing_ = true;
  runner_->submit(JobKind::ImportPhotos, tr("Adding photos"), [paths](Engine& e, JobContext& c) {
    return withSnapshot(QVariant::fromValue(e.importPhotos(paths, c)), e);
  });
  Q_EMIT busyChanged();
}

void AppController::removePhotos(const QList<qint64>& ids) {
  if (ids.isEmpty() || !project_ || refuseReadOnly(PageId::Photos)) return;
  runner_->submit(JobKind::RemovePhotos, tr("Removing photos"), [ids](Engine& e, JobContext&) {
    e.removePhotos(ids);
    return withSnapshot({}, e);
  });
}

void AppController::saveDraft(const QString& name, const QString& category) {
  if (!project_ || isReadOnly()) return;  // typing on a read-only project keeps nothing (and says nothing)
  project_->draftName = name;
  project_->draftCategory = category;
  runner_->submitQuick(JobKind::SaveDraft, tr("Saving"), [name, category](Engine& e, JobContext&) {
    e.saveDraft(name, category);
    return QVariant();
  });
  Q_EMIT projectChanged();
}

void AppController::chooseModel(const QString& path) {
  if (path.isEmpty() || refuseReadOnly(PageId::Start)) return;
  ++checkingModel_;
  Q_EMIT busyChanged();
  if (project_) {
    runner_->submit(JobKind::SetModel, tr("Checking the base model"), [path](Engine& e, JobContext& c) {
      return withSnapshot(QVariant::fromValue(e.setProjectModel(path, c)), e);
    });
    return;
  }
  runner_->submit(JobKind::DescribeModel, tr("Checking the base model"),
                  [path](Engine& e, JobContext&) { return QVariant::fromValue(e.describeModel(path)); });
}

void AppController::checkCategory(const QString& word) {
  if (!project_ || project_->modelPath.isEmpty() || word.isEmpty()) {
    Q_EMIT categoryChecked(word, {}, false);
    return;
  }
  runner_->submitQuick(JobKind::CheckCategory, tr("Checking the category"), [word](Engine& e, JobContext&) {
    return QVariantList{word, e.categoryProblem(word)};
  });
}

void AppController::setDeviceChoice(const QString& device) {
  settings_.setDevice(device);
  runner_->submit(JobKind::ProbeDevice, tr("Checking this computer"), [device](Engine& e, JobContext&) {
    e.setDevice(device);
    return QVariantList{QVariant::fromValue(e.probeDevice()), QVariant::fromValue(e.presetPlans())};
  });
}

void AppController::refresh() {
  if (!project_) return;
  runner_->submitQuick(JobKind::Refresh, tr("Reading the project"),
                  [](Engine& e, JobContext&) { return QVariant::fromValue(e.snapshot()); });
}

void AppController::setProject(const ProjectSnapshot& snapshot) {
  project_ = snapshot;
  Q_EMIT projectChanged();
}

void AppController::rememberRecent() {
  if (!project_) return;
  RecentProject r;
  r.path = project_->path;
  r.name = QFileInfo(project_->path).completeBaseName();
  for (const Product& p : project_->products) r.productsTrained += p.trained ? 1 : 0;
  r.imagesMade = project_->summary.imagesMade;
  r.lastOpened = QDateTime::currentDateTimeUtc();
  if (!project_->photos.isEmpty() && !project_->photos.front().thumbnail.isNull()) {
    QBuffer buffer(&r.thumbnailPng);
    buffer.open(QIODevice::WriteOnly);
    project_->photos.front().thumbnail.scaled(64, 64, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation)
        .save(&buffer, "PNG");
  }
  settings_.rememberProject(r);
}

PageId AppController::pageOf(JobKind kind) const {
  switch (kind) {
    case JobKind::ImportPhotos:
    case JobKind::RemovePhotos:
    case JobKind::SaveDraft:
    case JobKind::CheckCategory: return PageId::Photos;
    case JobKind::MeasureSpeed:
    case JobKind::SetUpProduct:
    case JobKind::Train:
    case JobKind::TryProduct: return PageId::Learn;
    case JobKind::SaveTemplate:
    case JobKind::RemoveTemplate:
    case JobKind::ImportTemplates:
    case JobKind::ExportTemplates:
    case JobKind::MakeExamples:
    case JobKind::PreviewTemplate: return PageId::Templates;
    case JobKind::MeasureGeneration:
    case JobKind::PlanBatch:
    case JobKind::QueueBatch:
    case JobKind::RunBatch: return PageId::Generate;
    case JobKind::LoadImage:
    case JobKind::Review:
    case JobKind::Regenerate: return PageId::Review;
    case JobKind::ExportImages:
    case JobKind::PreviewExport: return PageId::Export;
    case JobKind::SetModel: return project_ ? PageId::Learn : PageId::Start;
    default: return PageId::Start;
  }
}

QString AppController::lowerMemoryPlan(const QString& message) const {
  static const QStringList order = {QStringLiteral("24gb"), QStringLiteral("16gb"), QStringLiteral("12gb"),
                                    QStringLiteral("8gb")};
  const int current = static_cast<int>(order.indexOf(lastTrainOptions_.memoryPlan));
  if (current >= 0) return order.value(current + 1);
  // The automatic choice is the engine's; its message names the plan to try next
  // (engine/ml/train/trainer.cpp, rethrow_oom).
  for (const QString& plan : order)
    if (message.contains(QStringLiteral("next smaller memory setting is \"%1\"").arg(plan))) return plan;
  return QStringLiteral("12gb");
}

void AppController::failureNotice(JobKind kind, const JobError& error) { Q_EMIT notice(pageOf(kind), noticeFor(kind, error)); }

Notice AppController::noticeFor(JobKind kind, const JobError& error) {
  const UserMessage m = ErrorText::forJob(kind, error);
  Notice n;
  n.level = MessageLevel::Error;
  n.title = m.title;
  n.text = m.advice;
  const QString device =
      device_ ? QStringLiteral("%1 (%2, libtorch %3)").arg(device_->description, device_->name, device_->torchVersion)
              : QString();
  const LogFile* file = LogFile::current();
  n.details = ErrorText::details(kind, error, device, log_, file ? file->path() : QString(),
                                 file ? file->tail(40) : QStringList());
  const Product* p = product();
  if (m.action == FixAction::LowerMemory && kind == JobKind::Train && p && !lowerMemoryPlan(error.message).isEmpty()) {
    const QString plan = lowerMemoryPlan(error.message);
    const qint64 id = p->id;
    n.actionText = tr("Resume with less memory");
    n.action = [this, id, plan] {
      // The smaller setting is kept for later runs too: this GPU needs it.
      settings_.setMemoryPlan(plan);
      notifySettingsChanged();
      TrainOptions o = lastTrainOptions_;
      o.memoryPlan = plan;
      o.restart = false;
      resumeTraining(id, o);
    };
  } else if (m.action == FixAction::ChooseModel) {
    addModelActions(n);
  } else if (m.action == FixAction::FreeDisk) {
    n.text = diskFullAdvice(kind);
  }
  return n;
}

void AppController::onPausedChanged(bool paused) {
  if (batch_) {
    batch_->paused = paused;
    if (paused)
      imageRate_.pauseBegan(now());
    else
      imageRate_.pauseEnded(now());
    Q_EMIT batchChanged();
  }
  if (!live_) return;
  live_->paused = paused;
  if (paused)
    rate_.pauseBegan(now());
  else
    rate_.pauseEnded(now());
  Q_EMIT trainingChanged();
}

void AppController::pauseJob() { runner_->pause(); }
void AppController::resumeJob() { runner_->resume(); }

void AppController::cancelJob() {
  if (live_) {
    live_->stopping = true;
    Q_EMIT trainingChanged();
  }
  if (batch_) {
    batch_->stopping = true;
    Q_EMIT batchChanged();
  }
  runner_->cancelCurrent();
  runner_->resume();
}

}  // namespace rashisa::ui
