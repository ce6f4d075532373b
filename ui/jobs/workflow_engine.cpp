#include "ui/jobs/workflow_engine.h"

#include "engine/core/error.h"
#include "engine/store/project.h"
#include "engine/store/project_lease.h"
#include "engine/workflow/category_check.h"
#include "engine/workflow/concept_training.h"
#include "engine/workflow/device_probe.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/model_summary.h"
#include "engine/workflow/photo_intake.h"
#include "engine/workflow/project_templates.h"
#include "engine/workflow/speed_probe.h"
#include "ui/jobs/workflow_convert_p.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rashisa::ui {

using namespace convert;

WorkflowEngine::WorkflowEngine() {
  // Another program opening this window's project is told who has it (project_lease.h); a
  // lease left by a crashed window is taken over, and the log says so.
  store::set_lease_program("Rashisa (window)");
  store::set_lease_reporter([](const std::string& line) { qInfo("%s", line.c_str()); });
}
WorkflowEngine::~WorkflowEngine() = default;

store::Project& WorkflowEngine::project() {
  if (!project_) throw Error(ErrorCode::InvalidArgument, "no project is open");
  return *project_;
}

void WorkflowEngine::setDevice(const QString& device) {
  const std::string d = device.isEmpty() ? std::string("auto") : device.toStdString();
  if (d != device_) session_.reset();
  device_ = d;
}

DeviceInfo WorkflowEngine::probeDevice() {
  const workflow::DeviceInfo d = workflow::probe_device(device_);
  DeviceInfo out;
  out.name = text(d.name);
  out.description = text(d.description);
  out.cuda = d.cuda;
  out.totalMemory = d.total_memory;
  out.freeMemory = d.free_memory;
  out.bf16 = d.bf16;
  out.torchVersion = text(d.torch_version);
  return out;
}

QMap<QString, std::array<StagePlan, 3>> WorkflowEngine::presetPlans() {
  QMap<QString, std::array<StagePlan, 3>> out;
  for (const char* name : {"default", "fast"}) {
    const auto plan = workflow::preset_plan(name);
    std::array<StagePlan, 3> p{};
    for (int k = 0; k < 3; ++k) p[k] = {plan[k].steps, plan[k].batch};
    out.insert(QString::fromLatin1(name), p);
  }
  return out;
}

ModelInfo WorkflowEngine::describeModel(const QString& path) {
  const workflow::ModelSummary s = workflow::describe_model(convert::path(path));
  ModelInfo m;
  m.path = text(s.path);
  m.layout = text(s.layout);
  m.family = text(s.family);
  m.vPrediction = s.v_prediction;
  m.nativeResolution = s.native_resolution;
  m.parameters = s.parameters;
  m.demo = isDemoModel(m.path.isEmpty() ? path : m.path);
  return m;
}

std::optional<ModelInfo> WorkflowEngine::cachedModel(const QString& path, QString* problem, QString* code) {
  if (path == describedPath_ && described_) return described_;
  describedPath_ = path;
  described_.reset();
  try {
    described_ = describeModel(path);
  } catch (const Error& e) {
    *problem = QString::fromUtf8(e.what());
    const auto* model = dynamic_cast<const ModelError*>(&e);
    *code = QString::fromLatin1(model ? model_fault_name(model->fault()) : error_code_name(e.code()));
    describedPath_.clear();
  }
  return described_;
}

ProjectSnapshot WorkflowEngine::createProject(const QString& path) {
  closeProject();
  project_ = std::make_unique<store::Project>(store::Project::create(convert::path(path)));
  if (!reviewer_.isEmpty()) project_->set_actor(reviewer_.toStdString());
  // A new project starts with the built-in catalogue, as `rashisa-cli project new` does.
  workflow::add_templates(*project_, workflow::builtin_templates());
  return snapshot();
}

ProjectSnapshot WorkflowEngine::openProject(const QString& path) {
  closeProject();
  try {
    project_ = std::make_unique<store::Project>(store::Project::open(convert::path(path)));
  } catch (const store::ProjectInUse& e) {
    return heldSnapshot(path, e.holder());
  }
  if (!reviewer_.isEmpty()) project_->set_actor(reviewer_.toStdString());
  return snapshot();
}

void WorkflowEngine::closeProject() {
  session_.reset();
  sessionKey_.clear();
  project_.reset();
  readOnlyHolder_.reset();
  thumbnails_.clear();
}

namespace {

Product productOf(const store::Project& project, const store::Concept& c) {
  Product p;
  p.id = c.id;
  p.name = text(c.spec.name);
  p.category = text(c.spec.category);
  const QJsonObject settings = QJsonDocument::fromJson(QByteArray::fromStdString(c.spec.settings)).object();
  p.preset = settings.value(QStringLiteral("preset")).toString(QStringLiteral("default"));
  p.resolution = settings.value(QStringLiteral("resolution")).toInt(512);
  const QJsonArray stages = settings.value(QStringLiteral("stages")).toArray();
  for (int k = 0; k < 3 && k < stages.size(); ++k) {
    const QJsonObject s = stages[k].toObject();
    p.stages[k] = {s.value(QStringLiteral("steps")).toInt(), s.value(QStringLiteral("batch")).toInt()};
  }
  switch (c.progress.status) {
    case store::ConceptStatus::New: p.status = ProductStatus::New; break;
    case store::ConceptStatus::Training: p.status = ProductStatus::Training; break;
    case store::ConceptStatus::Paused: p.status = ProductStatus::Paused; break;
    case store::ConceptStatus::Trained: p.status = ProductStatus::Trained; break;
    case store::ConceptStatus::Failed: p.status = ProductStatus::Failed; break;
  }
  p.stage = c.progress.stage;
  p.step = c.progress.step;
  p.hasCheckpoint = c.checkpoint_size.has_value();
  p.trained = c.package_size.has_value();
  if (!p.trained && !p.hasCheckpoint) p.stage = 0, p.step = 0;  // nothing saved to resume from
  for (const auto& v : workflow::concept_previews(project, c.id))
    p.previews.push_back({v.stage, v.step, v.seed, png(v.image_png), png(v.heatmap_png)});
  return p;
}

Severity severityOf(media::Severity s) {
  switch (s) {
    case media::Severity::Error: return Severity::Error;
    case media::Severity::Warning: return Severity::Warning;
    case media::Severity::Info: return Severity::Info;
  }
  return Severity::Info;
}

}  // namespace

ProjectSnapshot WorkflowEngine::snapshot() {
  store::Project& pr = project();
  ProjectSnapshot s;
  s.path = text(pr.path());
  s.readOnly = pr.read_only();
  if (s.readOnly) s.holder = readOnlyHolder_;
  for (const auto& p : pr.list_photos()) {
    Photo photo;
    photo.id = p.id;
    photo.fileName = text(p.file_name);
    photo.width = p.width;
    photo.height = p.height;
    if (p.has_thumbnail) photo.thumbnail = png(pr.photo_thumbnail(p.id));
    s.photos.push_back(photo);
  }
  for (const auto& f : workflow::check_photos(pr)) {
    PhotoFinding finding;
    finding.severity = severityOf(f.severity);
    finding.code = text(f.code);
    finding.detail = text(f.message);
    for (const auto& id : f.photo_ids) finding.photoIds.push_back(QString::fromStdString(id).toLongLong());
    s.findings.push_back(finding);
  }
  for (const auto& c : pr.list_concepts()) s.products.push_back(productOf(pr, c));
  const store::BaseModelRef model = pr.base_model();
  s.modelPath = text(model.path);
  if (!s.modelPath.isEmpty()) s.model = cachedModel(s.modelPath, &s.modelProblem, &s.modelProblemCode);
  s.draftName = text(pr.setting(kDraftName));
  s.draftCategory = text(pr.setting(kDraftCategory));
  s.demoTraining = demoTraining(pr);
  if (s.draftName.isEmpty() && !s.products.isEmpty()) {
    s.draftName = s.products.back().name;
    s.draftCategory = s.products.back().category;
  }
  addCatalogue(s);
  return s;
}

ImportReport WorkflowEngine::importPhotos(const QStringList& paths, JobContext& context) {
  store::Project& pr = project();
  std::vector<std::filesystem::path> items;
  for (const QString& p : paths) items.push_back(convert::path(p));
  const workflow::PhotoArguments args = workflow::collect_photo_arguments(items);
  ImportReport report;
  for (const auto& p : args.not_photos) report.notPhotos.push_back(text(p));
  for (const auto& p : args.empty_folders) report.emptyFolders.push_back(text(p));
  const auto results = workflow::add_photos(pr, args.files, reporter(context), context.cancelToken());
  for (const auto& r : results) {
    if (r.ok())
      ++(r.duplicate ? report.duplicates : report.added);
    else
      report.failures.push_back({text(r.file), text(r.error), text(r.message)});
  }
  report.cancelled = results.size() < args.files.size();
  return report;
}

void WorkflowEngine::removePhotos(const QList<qint64>& ids) {
  store::Project& pr = project();
  for (qint64 id : ids) pr.remove_photo(id);
  (void)pr.try_compact();  // the removal stands; only the free space may still be held
}

void WorkflowEngine::saveDraft(const QString& name, const QString& category) {
  store::Project& pr = project();
  pr.set_setting(kDraftName, name.toStdString());
  pr.set_setting(kDraftCategory, category.toStdString());
}

ModelInfo WorkflowEngine::setProjectModel(const QString& path, JobContext& context) {
  store::Project& pr = project();
  context.report({QStringLiteral("load")});
  ModelInfo info = describeModel(path);  // fast, and a clear error for a wrong file before loading
  session_.reset();
  workflow::SessionOptions options;
  options.device = device_;
  options.purpose = workflow::SessionPurpose::Train;
  auto session = workflow::ModelSession::open(convert::path(path), options);
  workflow::set_project_model(pr, *session);
  sessionKey_ = pr.base_model().path + "\n" + device_;
  session_ = std::move(session);
  describedPath_ = info.path;
  described_ = info;
  return info;
}

void WorkflowEngine::setMeasureModel(const QString& path) { measureModel_ = path; }

workflow::ModelSession& WorkflowEngine::session(JobContext& context) {
  workflow::SessionOptions options;
  options.device = device_;
  options.purpose = workflow::SessionPurpose::Train;
  if (!project_) {
    // The first-start check measures on the default model before any project exists.
    if (measureModel_.isEmpty())
      throw Error(ErrorCode::InvalidArgument, "choose a base model first: the measurement runs on it");
    const std::string key = measureModel_.toStdString() + "\n" + device_;
    if (session_ && key == sessionKey_) return *session_;
    session_.reset();
    context.report({QStringLiteral("load")});
    session_ = workflow::ModelSession::open(convert::path(measureModel_), options);
    sessionKey_ = key;
    return *session_;
  }
  store::Project& pr = *project_;
  const std::string key = pr.base_model().path + "\n" + device_;
  if (session_ && key == sessionKey_) return *session_;
  session_.reset();
  context.report({QStringLiteral("load")});
  session_ = workflow::open_project_model(pr, options);
  sessionKey_ = key;
  return *session_;
}

QString WorkflowEngine::categoryProblem(const QString& word) {
  store::Project& pr = project();
  const std::string w = word.toStdString();
  std::optional<std::string> problem;
  if (session_)
    problem = workflow::category_problem(*session_, w);
  else
    problem = workflow::category_problem(std::filesystem::u8path(pr.base_model().path), w);
  return problem ? text(*problem) : QString();
}

}  // namespace rashisa::ui
