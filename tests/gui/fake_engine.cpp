#include "tests/gui/fake_engine.h"

#include "engine/core/error.h"
#include "engine/core/progress.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QPainter>
#include <QRadialGradient>

#include <cmath>

namespace rashisa::testing {

namespace {

const QStringList kPhotoSuffixes = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                    QStringLiteral("webp"), QStringLiteral("tif"),  QStringLiteral("tiff"),
                                    QStringLiteral("bmp"),  QStringLiteral("heic")};

[[noreturn]] void fail(ErrorCode code, const std::string& message) { throw Error(code, message); }

}  // namespace

QThread* FakeState::workerThread() const {
  QMutexLocker lock(const_cast<QMutex*>(&mutex));
  return calls.isEmpty() ? nullptr : calls.front().second;
}

int FakeState::callsOn(QThread* thread) const {
  QMutexLocker lock(const_cast<QMutex*>(&mutex));
  int n = 0;
  for (const auto& c : calls) n += c.second == thread ? 1 : 0;
  return n;
}

QStringList FakeState::callNames() const {
  QMutexLocker lock(const_cast<QMutex*>(&mutex));
  QStringList out;
  for (const auto& c : calls) out.push_back(c.first);
  return out;
}

FakeEngine::FakeEngine(std::shared_ptr<FakeState> state) : state_(std::move(state)) {}

void FakeEngine::record(const char* name) {
  QMutexLocker lock(&state_->mutex);
  state_->calls.push_back({QString::fromLatin1(name), QThread::currentThread()});
  if (state_->script.failNext && *state_->script.failNext == QLatin1String(name)) {
    state_->script.failNext.reset();
    const QString code = state_->script.failCode;
    lock.unlock();
    if (code == QLatin1String("out-of-memory")) fail(ErrorCode::OutOfMemory, "scripted: out of memory");
    if (code == QLatin1String("file-not-found")) fail(ErrorCode::FileNotFound, "scripted: not found");
    if (code == QLatin1String("unsafe-format")) fail(ErrorCode::UnsafeFormat, "scripted: pickle");
    failWithCode(code, name);
  }
}

FakeProject& FakeEngine::open() {
  if (openPath_.isEmpty() || !state_->projects.contains(openPath_)) fail(ErrorCode::InvalidArgument, "no project");
  return state_->projects[openPath_];
}

QImage FakeEngine::photo(int index, int size) {
  QImage img(size, size, QImage::Format_RGB32);
  const QColor background = QColor::fromHsv((index * 37) % 360, 25, 245);
  img.fill(background);
  QPainter p(&img);
  p.setRenderHint(QPainter::Antialiasing);
  const double s = size / 160.0;
  p.translate(size / 2.0 + (index % 3 - 1) * 10 * s, size / 2.0 + (index % 2) * 6 * s);
  p.rotate((index % 5 - 2) * 8);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(40, 90, 170));
  p.drawRoundedRect(QRectF(-38 * s, -42 * s, 70 * s, 88 * s), 10 * s, 10 * s);
  p.setBrush(QColor(230, 235, 240));
  p.drawEllipse(QRectF(-30 * s, -38 * s, 54 * s, 14 * s));
  p.setPen(QPen(QColor(40, 90, 170), 9 * s));
  p.setBrush(Qt::NoBrush);
  p.drawArc(QRectF(22 * s, -20 * s, 34 * s, 40 * s), -90 * 16, 180 * 16);
  return img;
}

DeviceInfo FakeEngine::cpuDevice() {
  DeviceInfo d;
  d.name = QStringLiteral("cpu");
  d.description = QStringLiteral("CPU (2 threads)");
  d.torchVersion = QStringLiteral("2.6.0");
  return d;
}

QImage FakeEngine::heat(int index, int size) {
  QImage img(size, size, QImage::Format_Grayscale8);
  img.fill(0);
  QPainter p(&img);
  QRadialGradient g(QPointF(size / 2.0 + (index % 3 - 1) * 4, size / 2.0), size * 0.42);
  g.setColorAt(0, Qt::white);
  g.setColorAt(1, Qt::black);
  p.fillRect(img.rect(), g);
  return img;
}

void FakeEngine::setDevice(const QString& device) {
  record("setDevice");
  device_ = device;
}

DeviceInfo FakeEngine::probeDevice() {
  record("probeDevice");
  QMutexLocker lock(&state_->mutex);
  DeviceInfo d = state_->script.device;
  if (device_ == QLatin1String("cpu")) d = cpuDevice();
  return d;
}

QMap<QString, std::array<StagePlan, 3>> FakeEngine::presetPlans() {
  record("presetPlans");
  return {{QStringLiteral("default"), {{{60, 8}, {100, 8}, {500, 8}}}},
          {QStringLiteral("fast"), {{{60, 8}, {100, 8}, {200, 4}}}}};
}

ModelInfo FakeEngine::describeModel(const QString& path) {
  record("describeModel");
  QMutexLocker lock(&state_->mutex);
  if (!state_->script.models.contains(path)) fail(ErrorCode::FileNotFound, "no model at " + path.toStdString());
  return state_->script.models.value(path);
}

ProjectSnapshot FakeEngine::createProject(const QString& path) {
  record("createProject");
  QMutexLocker lock(&state_->mutex);
  if (state_->projects.contains(path)) throw Error(ErrorCode::FileWrite, "exists");
  FakeProject p;
  p.snapshot.path = path;
  recheck(p.snapshot);
  for (TemplateItem t : catalogue()) {  // new projects start with the built-in catalogue
    t.id = p.nextId++;
    p.snapshot.templates.push_back(t);
  }
  state_->projects.insert(path, p);
  openPath_ = path;
  return p.snapshot;
}

ProjectSnapshot FakeEngine::openProject(const QString& path) {
  record("openProject");
  QMutexLocker lock(&state_->mutex);
  if (!state_->projects.contains(path)) fail(ErrorCode::FileNotFound, "missing project");
  if (auto held = heldElsewhere(path)) return *held;
  openPath_ = path;
  readOnly_ = false;
  summarize(state_->projects[path].snapshot);
  return state_->projects[path].snapshot;
}

void FakeEngine::closeProject() {
  record("closeProject");
  openPath_.clear();
  readOnly_ = false;
}

ProjectSnapshot FakeEngine::snapshot() {
  record("snapshot");
  QMutexLocker lock(&state_->mutex);
  summarize(open().snapshot);
  ProjectSnapshot s = open().snapshot;
  markReadOnly(s);
  return s;
}

void FakeEngine::recheck(ProjectSnapshot& s) {
  s.findings.clear();
  const int n = static_cast<int>(s.photos.size());
  if (n == 0) s.findings.push_back({Severity::Error, QStringLiteral("too-few-photos"), {}, QStringLiteral("none")});
  else if (n < 5) s.findings.push_back({Severity::Warning, QStringLiteral("too-few-photos"), {}, QStringLiteral("few")});
  else if (n > 20) s.findings.push_back({Severity::Warning, QStringLiteral("too-many-photos"), {}, QStringLiteral("many")});
  QList<qint64> dups;
  for (const Photo& p : s.photos) {
    if (p.fileName.contains(QLatin1String("blur")))
      s.findings.push_back({Severity::Warning, QStringLiteral("blurry"), {p.id}, QStringLiteral("blurred")});
    if (p.fileName.contains(QLatin1String("small")))
      s.findings.push_back({Severity::Warning, QStringLiteral("low-resolution"), {p.id}, QStringLiteral("small")});
    if (p.fileName.contains(QLatin1String("dup"))) dups.push_back(p.id);
  }
  if (dups.size() > 1)
    s.findings.push_back({Severity::Warning, QStringLiteral("near-duplicate"), dups, QStringLiteral("near")});
}

ImportReport FakeEngine::importPhotos(const QStringList& paths, JobContext& context) {
  record("importPhotos");
  QStringList files;
  ImportReport report;
  for (const QString& path : paths) {
    const QFileInfo info(path);
    if (!info.isDir()) {
      files.push_back(path);
      continue;
    }
    bool any = false;
    QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
    QStringList found;
    while (it.hasNext()) found.push_back(it.next());
    found.sort();
    for (const QString& f : found) {
      if (kPhotoSuffixes.contains(QFileInfo(f).suffix().toLower())) {
        files.push_back(f);
        any = true;
      } else {
        report.notPhotos.push_back(f);
      }
    }
    if (!any) report.emptyFolders.push_back(path);
  }
  for (int i = 0; i < files.size(); ++i) {
    const QFileInfo info(files[i]);
    context.report({QStringLiteral("import"), i + 1, files.size()});
    if (!context.proceed()) {
      report.cancelled = true;
      break;
    }
    QMutexLocker lock(&state_->mutex);
    FakeProject& p = open();
    if (!info.exists()) {
      report.failures.push_back({files[i], QStringLiteral("missing"), QStringLiteral("not found")});
      continue;
    }
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("heic")) {
      report.failures.push_back({files[i], QStringLiteral("unsupported"), QStringLiteral("HEIC")});
      continue;
    }
    if (!kPhotoSuffixes.contains(suffix)) {
      report.failures.push_back({files[i], QStringLiteral("not-an-image"), QStringLiteral("not an image")});
      continue;
    }
    const bool dup = std::any_of(p.snapshot.photos.begin(), p.snapshot.photos.end(),
                                 [&](const Photo& ph) { return ph.fileName == info.fileName(); });
    if (dup) {
      ++report.duplicates;
      continue;
    }
    Photo photo;
    photo.id = p.nextId++;
    photo.fileName = info.fileName();
    photo.width = 1024;
    photo.height = 768;
    QImage loaded(files[i]);
    photo.thumbnail = loaded.isNull() ? FakeEngine::photo(static_cast<int>(photo.id))
                                      : loaded.scaled(160, 160, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    p.snapshot.photos.push_back(photo);
    ++report.added;
    recheck(p.snapshot);
  }
  return report;
}

void FakeEngine::removePhotos(const QList<qint64>& ids) {
  record("removePhotos");
  QMutexLocker lock(&state_->mutex);
  ProjectSnapshot& s = open().snapshot;
  s.photos.erase(std::remove_if(s.photos.begin(), s.photos.end(), [&](const Photo& p) { return ids.contains(p.id); }),
                 s.photos.end());
  recheck(s);
}

void FakeEngine::saveDraft(const QString& name, const QString& category) {
  record("saveDraft");
  QMutexLocker lock(&state_->mutex);
  open().snapshot.draftName = name;
  open().snapshot.draftCategory = category;
}

ModelInfo FakeEngine::setProjectModel(const QString& path, JobContext& context) {
  const ModelInfo info = describeModel(path);
  record("setProjectModel");
  context.report({QStringLiteral("load")});
  QMutexLocker lock(&state_->mutex);
  open().snapshot.modelPath = path;
  open().snapshot.model = info;
  open().snapshot.modelProblem.clear();
  return info;
}

QString FakeEngine::categoryProblem(const QString& word) {
  record("categoryProblem");
  QMutexLocker lock(&state_->mutex);
  return state_->script.knownWords.contains(word) ? QString() : QStringLiteral("not a single token");
}

TrainingSpeed FakeEngine::measureSpeed(int resolution, JobContext& context) {
  record("measureSpeed");
  requireMeasureModel();
  for (int i = 1; i <= 6; ++i) {
    context.report({QStringLiteral("measure"), i, 6});
    if (!context.proceed()) fail(ErrorCode::Cancelled, "cancelled");
  }
  QMutexLocker lock(&state_->mutex);
  const DeviceInfo device = device_ == QLatin1String("cpu") ? cpuDevice() : state_->script.device;
  return {state_->script.secondsPerSample, device.description, device.description, resolution};
}

Product* FakeEngine::productById(qint64 id) {
  for (Product& p : open().snapshot.products)
    if (p.id == id) return &p;
  fail(ErrorCode::InvalidArgument, "no such product");
}

qint64 FakeEngine::setUpProduct(const ProductSetup& setup) {
  record("setUpProduct");
  const auto plans = presetPlans();
  QMutexLocker lock(&state_->mutex);
  FakeProject& fp = open();
  auto& products = fp.snapshot.products;
  products.erase(std::remove_if(products.begin(), products.end(),
                                [&](const Product& p) { return p.name == setup.name && !p.hasCheckpoint && !p.trained; }),
                 products.end());
  Product p;
  p.id = fp.nextId++;
  p.name = setup.name;
  p.category = setup.category;
  p.preset = setup.preset;
  p.resolution = setup.resolution;
  p.stages = plans.value(setup.preset);
  for (int k = 0; k < 3; ++k) {
    if (setup.steps[k] >= 0) p.stages[k].steps = setup.steps[k];
    if (setup.batch[k] > 0) p.stages[k].batch = setup.batch[k];
  }
  products.push_back(p);
  return p.id;
}

TrainResult FakeEngine::train(qint64 productId, const TrainOptions& options, JobContext& context) {
  record("train");
  context.report({QStringLiteral("load")});
  int startStage = 1;
  qint64 startStep = 0;
  std::array<StagePlan, 3> stages{};
  FakeScript script;
  {
    QMutexLocker lock(&state_->mutex);
    Product* p = productById(productId);
    if (options.restart) {
      p->stage = 0, p->step = 0, p->hasCheckpoint = false;
      p->previews.clear();
    }
    if (p->hasCheckpoint && p->stage > 0) startStage = p->stage, startStep = p->step;
    if (startStage == 0) startStage = 1;
    p->status = ProductStatus::Training;
    stages = p->stages;
    script = state_->script;
  }
  auto save = [&](int stage, qint64 step, ProductStatus status) {
    QMutexLocker lock(&state_->mutex);
    Product* p = productById(productId);
    p->stage = stage, p->step = step, p->status = status, p->hasCheckpoint = true;
  };
  for (int stage = startStage; stage <= 3; ++stage) {
    const qint64 total = stages[stage - 1].steps;
    for (qint64 step = stage == startStage ? startStep : 0; step < total; ++step) {
      if (script.oomStage == stage && step == script.oomStep) {
        save(stage, step, ProductStatus::Failed);
        fail(ErrorCode::OutOfMemory, script.oomMessage);
      }
      if (script.stepMs > 0) QThread::msleep(static_cast<unsigned long>(script.stepMs));
      if (script.holdStage == stage && script.holdStep == step) {
        state_->holding = true;
        while (!state_->released && !context.cancelToken()->cancelled()) QThread::msleep(2);
        state_->holding = false;
      }
      const double loss = 0.05 + 0.3 * std::exp(-3.0 * (step + 1) / std::max<qint64>(1, total)) +
                          0.02 * std::sin(static_cast<double>(step) * 1.7);
      context.report({QStringLiteral("stage%1").arg(stage), step + 1, total, loss, loss * 0.1, 0.05});
      const bool previewNow = step + 1 == total || (options.previewEvery > 0 && (step + 1) % options.previewEvery == 0);
      if (previewNow) {
        for (qint64 seed : {1234, 5678}) {
          const int idx = static_cast<int>(stage * 10 + seed % 7);
          TrainingPreview preview{stage, step + 1, seed, photo(idx, 128), heat(idx)};
          {
            QMutexLocker lock(&state_->mutex);
            productById(productId)->previews.push_back(preview);
          }
          context.preview(preview);
        }
      }
      if (!context.proceed()) {
        save(stage, step + 1, ProductStatus::Paused);
        fail(ErrorCode::Cancelled, "cancelled");
      }
    }
  }
  QMutexLocker lock(&state_->mutex);
  Product* p = productById(productId);
  p->status = ProductStatus::Trained;
  p->trained = true;
  p->hasCheckpoint = false;
  p->stage = 3;
  p->step = stages[2].steps;
  TrainResult r;
  r.productId = productId;
  r.resumedStage = startStep > 0 || startStage > 1 ? startStage : 0;
  r.resumedStep = startStep;
  return r;
}

QList<TryImage> FakeEngine::tryProduct(const TryRequest& request, JobContext& context) {
  record("tryProduct");
  QList<TryImage> out;
  for (int i = 0; i < request.seeds.size(); ++i) {
    JobProgress p{QStringLiteral("denoise"), 1, 1};
    p.item = i + 1;
    p.items = request.seeds.size();
    context.report(p);
    if (!context.proceed()) fail(ErrorCode::Cancelled, "cancelled");
    out.push_back({request.seeds[i], photo(40 + i, 128)});
  }
  return out;
}

namespace {

FakeProject baseProject(const QString& path, const QString& modelPath, const QStringList& names) {
  FakeProject p;
  p.snapshot.path = path;
  for (const QString& name : names) {
    Photo photo;
    photo.id = p.nextId++;
    photo.fileName = name;
    photo.width = 1024;
    photo.height = 768;
    photo.thumbnail = FakeEngine::photo(static_cast<int>(photo.id));
    p.snapshot.photos.push_back(photo);
  }
  p.snapshot.modelPath = modelPath;
  p.snapshot.model = ModelInfo{modelPath, QStringLiteral("diffusers folder"), QStringLiteral("SD 2.x"), false, 512, 1289952427};
  p.snapshot.draftName = QStringLiteral("Blue mug");
  p.snapshot.draftCategory = QStringLiteral("mug");
  return p;
}

Product product(qint64 id) {
  Product pr;
  pr.id = id;
  pr.name = QStringLiteral("Blue mug");
  pr.category = QStringLiteral("mug");
  pr.preset = QStringLiteral("default");
  pr.stages = {{{60, 8}, {100, 8}, {500, 8}}};
  return pr;
}

}  // namespace

FakeProject photosProject(const QString& path, const QString& modelPath) {
  FakeProject p = baseProject(path, modelPath,
                              {QStringLiteral("mug-front.jpg"), QStringLiteral("mug-side.jpg"),
                               QStringLiteral("mug-top.jpg"), QStringLiteral("mug-handle.jpg"),
                               QStringLiteral("mug-back.jpg"), QStringLiteral("mug-blur.jpg"),
                               QStringLiteral("mug-dup-1.jpg"), QStringLiteral("mug-dup-2.jpg")});
  FakeEngine::recheck(p.snapshot);
  return p;
}

FakeProject interruptedProject(const QString& path, const QString& modelPath) {
  FakeProject p = photosProject(path, modelPath);
  Product pr = product(p.nextId++);
  pr.status = ProductStatus::Training;
  pr.stage = 2;
  pr.step = 40;
  pr.hasCheckpoint = true;
  for (qint64 seed : {1234, 5678}) pr.previews.push_back({1, 60, seed, FakeEngine::photo(12 + seed % 7, 128), FakeEngine::heat(3)});
  p.snapshot.products.push_back(pr);
  return p;
}

FakeProject trainedProject(const QString& path, const QString& modelPath) {
  FakeProject p = photosProject(path, modelPath);
  Product pr = product(p.nextId++);
  pr.status = ProductStatus::Trained;
  pr.trained = true;
  pr.stage = 3;
  pr.step = 500;
  for (int stage = 1; stage <= 3; ++stage)
    for (qint64 seed : {1234, 5678})
      pr.previews.push_back({stage, pr.stages[stage - 1].steps, seed, FakeEngine::photo(stage * 10 + seed % 7, 128),
                             FakeEngine::heat(stage)});
  p.snapshot.products.push_back(pr);
  return p;
}

}  // namespace rashisa::testing
