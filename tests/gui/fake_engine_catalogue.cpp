// FakeEngine: templates, batches, images, review and export.
#include "engine/core/error.h"
#include "engine/core/progress.h"
#include "tests/gui/fake_engine.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rashisa::testing {

namespace {

[[noreturn]] void fail(ErrorCode code, const std::string& message) { throw Error(code, message); }

TemplateItem makeTemplate(const QString& key, const QString& en, const QString& ja, const QString& prompt,
                          const QList<TemplateVariable>& variables = {}) {
  TemplateItem t;
  t.key = key;
  t.labelEn = en;
  t.labelJa = ja;
  t.prompt = prompt;
  t.negativePrompt = QStringLiteral("blurry, low quality");
  t.variables = variables;
  t.builtin = true;
  t.steps = 30;
  return t;
}

/// Every combination of the variables' values, the last varying fastest.
QList<QMap<QString, QString>> combinations(const TemplateItem& t) {
  QList<QMap<QString, QString>> out{{}};
  for (const TemplateVariable& v : t.variables) {
    QList<QMap<QString, QString>> next;
    for (const auto& partial : out)
      for (const TemplateValue& value : v.values) {
        auto m = partial;
        m.insert(v.name, value.value);
        next.push_back(m);
      }
    out = next;
  }
  return out;
}

QString fill(QString text, const QMap<QString, QString>& values, const QString& product) {
  text.replace(QStringLiteral("{product}"), product);
  for (auto it = values.begin(); it != values.end(); ++it)
    text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
  return text;
}

}  // namespace

QList<TemplateItem> FakeEngine::catalogue() {
  const TemplateVariable background{QStringLiteral("background"), QStringLiteral("Background"), QStringLiteral("背景"),
                                    {{QStringLiteral("white seamless paper"), QStringLiteral("White"), QStringLiteral("白")},
                                     {QStringLiteral("light grey paper"), QStringLiteral("Grey"), QStringLiteral("グレー")}}};
  const TemplateVariable light{QStringLiteral("light"), QStringLiteral("Light"), QStringLiteral("光"),
                               {{QStringLiteral("soft daylight"), QStringLiteral("Daylight"), QStringLiteral("昼の光")},
                                {QStringLiteral("morning light"), QStringLiteral("Morning"), QStringLiteral("朝の光")},
                                {QStringLiteral("warm evening light"), QStringLiteral("Evening"), QStringLiteral("夕方の光")}}};
  return {makeTemplate(QStringLiteral("white-studio"), QStringLiteral("White studio"), QStringLiteral("白背景のスタジオ"),
                       QStringLiteral("a photo of {product} on {background}, {light}, studio lighting"), {background, light}),
          makeTemplate(QStringLiteral("lifestyle-table"), QStringLiteral("Wooden table"), QStringLiteral("木のテーブル"),
                       QStringLiteral("a photo of {product} on a wooden table in morning light")),
          makeTemplate(QStringLiteral("outdoor"), QStringLiteral("Outdoors"), QStringLiteral("屋外"),
                       QStringLiteral("a photo of {product} outdoors in a park, natural light")),
          makeTemplate(QStringLiteral("flat-lay"), QStringLiteral("Flat lay"), QStringLiteral("真上から"),
                       QStringLiteral("a flat lay photo of {product} seen from above"))};
}

QList<ImageItem> FakeEngine::planImages(const ProjectSnapshot& s, const BatchRequest& r) {
  QList<ImageItem> out;
  for (qint64 pid : r.productIds) {
    const Product* product = nullptr;
    for (const Product& p : s.products)
      if (p.id == pid && p.trained) product = &p;
    if (!product) continue;
    for (qint64 tid : r.templateIds)
      for (const TemplateItem& t : s.templates) {
        if (t.id != tid) continue;
        const int seeds = r.seedsPerPrompt > 0 ? r.seedsPerPrompt : t.imagesPerPrompt;
        for (const auto& values : combinations(t))
          for (int k = 0; k < seeds; ++k) {
            ImageItem i;
            i.productId = pid;
            i.productName = product->name;
            i.templateId = t.id;
            i.templateKey = t.key;
            i.templateLabel = t.labelEn;
            i.seed = r.firstSeed + k;
            i.sampler = r.sampler.isEmpty() ? t.sampler : r.sampler;
            i.steps = r.steps > 0 ? r.steps : t.steps;
            i.guidance = r.guidance >= 0 ? r.guidance : t.guidance;
            i.width = i.height = r.size > 0 ? r.size : t.width;
            i.values = values;
            i.prompt = fill(t.prompt, values, QStringLiteral("<rashisa> ") + product->category);
            i.negativePrompt = t.negativePrompt;
            out.push_back(i);
          }
      }
  }
  return out;
}

GenerationSpeed FakeEngine::measureGeneration(int size, JobContext& context) {
  record("measureGeneration");
  requireMeasureModel();
  for (int i = 1; i <= 4; ++i) context.report({QStringLiteral("measure"), i, 4});
  QMutexLocker lock(&state_->mutex);
  const DeviceInfo device = device_ == QLatin1String("cpu") ? cpuDevice() : state_->script.device;
  return {state_->script.secondsPerDenoise, state_->script.decodeSeconds, size, device.description};
}

TemplateItem FakeEngine::saveTemplate(const TemplateItem& item) {
  record("saveTemplate");
  if (!item.prompt.contains(QLatin1String("{product}")))
    fail(ErrorCode::InvalidArgument, "template '" + item.key.toStdString() + "': the prompt needs {product}");
  QMutexLocker lock(&state_->mutex);
  FakeProject& p = open();
  for (TemplateItem& t : p.snapshot.templates) {
    if (item.id != 0 && t.id == item.id) {
      const QImage example = t.example;
      t = item;
      t.example = example;
      return t;
    }
    if (item.id == 0 && t.key == item.key)
      fail(ErrorCode::InvalidArgument, "the template id '" + item.key.toStdString() + "' is in use");
  }
  TemplateItem added = item;
  added.id = p.nextId++;
  p.snapshot.templates.push_back(added);
  return added;
}

void FakeEngine::removeTemplate(qint64 id) {
  record("removeTemplate");
  QMutexLocker lock(&state_->mutex);
  auto& list = open().snapshot.templates;
  list.erase(std::remove_if(list.begin(), list.end(), [&](const TemplateItem& t) { return t.id == id; }), list.end());
}

TemplatePreview FakeEngine::previewTemplate(const TemplateItem& item, qint64 productId) {
  record("previewTemplate");
  TemplatePreview preview;
  if (!item.prompt.contains(QLatin1String("{product}")))
    preview.problems.push_back({item.key, 0, QStringLiteral("prompt"), QStringLiteral("missing-product"), {},
                                QStringLiteral("the prompt needs {product}")});
  for (const TemplateVariable& v : item.variables)
    if (!item.prompt.contains(QLatin1Char('{') + v.name + QLatin1Char('}')) &&
        !item.negativePrompt.contains(QLatin1Char('{') + v.name + QLatin1Char('}')))
      preview.problems.push_back({item.key, 0, QStringLiteral("variables"), QStringLiteral("unused-variable"), v.name,
                                  QStringLiteral("the variable is not used")});
  if (item.width % 8 != 0 || item.height % 8 != 0)
    preview.problems.push_back({item.key, 0, QStringLiteral("width"), QStringLiteral("bad-size"), {},
                                QStringLiteral("sizes must be multiples of 8")});
  if (!preview.problems.isEmpty()) return preview;
  QString product = QStringLiteral("<rashisa> product");
  {
    QMutexLocker lock(&state_->mutex);
    for (const Product& p : open().snapshot.products)
      if (p.id == productId) product = QStringLiteral("<rashisa> ") + p.category;
  }
  const auto all = combinations(item);
  preview.prompts = all.size();
  for (int i = 0; i < all.size() && i < 3; ++i) preview.examples.push_back(fill(item.prompt, all[i], product));
  preview.negativeExample = fill(item.negativePrompt, all.value(0), product);
  return preview;
}

TemplateImport FakeEngine::importTemplates(const QString& path) {
  record("importTemplates");
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) fail(ErrorCode::FileNotFound, "cannot open " + path.toStdString());
  const QJsonArray list = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("templates")).toArray();
  QMutexLocker lock(&state_->mutex);
  FakeProject& p = open();
  TemplateImport result;
  QList<TemplateItem> parsed;
  for (const QJsonValue& v : list) {
    const QJsonObject o = v.toObject();
    TemplateItem t;
    t.key = o.value(QStringLiteral("id")).toString();
    t.labelEn = o.value(QStringLiteral("label_en")).toString();
    t.labelJa = o.value(QStringLiteral("label_ja")).toString();
    t.prompt = o.value(QStringLiteral("prompt")).toString();
    if (!t.prompt.contains(QLatin1String("{product}")))
      result.problems.push_back({t.key, 0, QStringLiteral("prompt"), QStringLiteral("missing-product"), {},
                                 QStringLiteral("the prompt needs {product}")});
    for (const TemplateItem& existing : p.snapshot.templates)
      if (existing.key == t.key)
        result.problems.push_back({t.key, 0, QStringLiteral("id"), QStringLiteral("key-in-use"), t.key,
                                   QStringLiteral("the id is in use")});
    parsed.push_back(t);
  }
  if (!result.problems.isEmpty()) return result;
  for (TemplateItem t : parsed) {
    t.id = p.nextId++;
    p.snapshot.templates.push_back(t);
    result.imported.push_back(t);
  }
  return result;
}

void FakeEngine::exportTemplates(const QString& path, const QList<qint64>& ids) {
  record("exportTemplates");
  QJsonArray list;
  {
    QMutexLocker lock(&state_->mutex);
    for (const TemplateItem& t : open().snapshot.templates)
      if (ids.isEmpty() || ids.contains(t.id))
        list.push_back(QJsonObject{{QStringLiteral("id"), t.key}, {QStringLiteral("prompt"), t.prompt},
                                   {QStringLiteral("label_en"), t.labelEn}, {QStringLiteral("label_ja"), t.labelJa}});
  }
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) fail(ErrorCode::FileWrite, "cannot write " + path.toStdString());
  f.write(QJsonDocument(QJsonObject{{QStringLiteral("templates"), list}}).toJson());
}

void FakeEngine::makeTemplateExamples(qint64, JobContext& context) {
  record("makeTemplateExamples");
  QMutexLocker lock(&state_->mutex);
  auto& list = open().snapshot.templates;
  for (int i = 0; i < list.size(); ++i) {
    context.report({QStringLiteral("denoise"), 1, 1, 0, 0, 0, i + 1, list.size()});
    if (list[i].example.isNull()) list[i].example = photo(60 + i, 96);
  }
}

BatchPlan FakeEngine::planBatch(const BatchRequest& request) {
  record("planBatch");
  QMutexLocker lock(&state_->mutex);
  const ProjectSnapshot& s = open().snapshot;
  BatchPlan plan;
  const QList<ImageItem> images = planImages(s, request);
  plan.images = images.size();
  QSet<QString> prompts;
  for (const ImageItem& i : images) {
    prompts.insert(QString::number(i.productId) + i.prompt);
    plan.imageSteps += i.steps;
    if (plan.examplePrompts.size() < 3 && !plan.examplePrompts.contains(i.prompt)) plan.examplePrompts.push_back(i.prompt);
  }
  plan.prompts = prompts.size();
  if (request.productIds.isEmpty() || images.isEmpty()) {
    plan.problemCode = request.productIds.isEmpty() ? QStringLiteral("no-product") : QStringLiteral("no-template");
    plan.problem = QStringLiteral("nothing to make");
  } else if (plan.images > plan.cap) {
    plan.problemCode = QStringLiteral("over-cap");
    plan.problem = QStringLiteral("%1 images is more than the cap of %2").arg(plan.images).arg(plan.cap);
  }
  return plan;
}

qint64 FakeEngine::queueBatch(const BatchRequest& request) {
  record("queueBatch");
  QMutexLocker lock(&state_->mutex);
  FakeProject& p = open();
  const qint64 total = planImages(p.snapshot, request).size();
  if (total == 0) fail(ErrorCode::InvalidArgument, "nothing to make");
  BatchItem b;
  b.id = p.nextId++;
  b.total = total;
  b.createdAt = QStringLiteral("2026-12-01T10:00:00.000Z");
  p.snapshot.batches.push_back(b);
  p.batchRequests.insert(b.id, request);
  return b.id;
}

qint64 FakeEngine::queueMoreLikeThis(qint64 imageId, int count) {
  record("queueMoreLikeThis");
  QMutexLocker lock(&state_->mutex);
  FakeProject& p = open();
  for (const ImageItem& i : p.snapshot.images) {
    if (i.id != imageId) continue;
    BatchRequest r;
    r.productIds = {i.productId};
    r.templateIds = {i.templateId};
    r.seedsPerPrompt = count;
    r.firstSeed = i.seed + 1000;
    BatchItem b;
    b.id = p.nextId++;
    b.total = count;
    p.snapshot.batches.push_back(b);
    p.batchRequests.insert(b.id, r);
    p.moreLikeThis.insert(b.id, imageId);
    return b.id;
  }
  fail(ErrorCode::InvalidArgument, "no such image");
}

void FakeEngine::runBatch(qint64 batchId, JobContext& context) {
  record("runBatch");
  QList<ImageItem> plan;
  qint64 done = 0;
  FakeScript script;
  {
    QMutexLocker lock(&state_->mutex);
    FakeProject& p = open();
    if (!p.batchRequests.contains(batchId)) fail(ErrorCode::InvalidArgument, "no such batch");
    plan = planImages(p.snapshot, p.batchRequests[batchId]);
    if (p.moreLikeThis.contains(batchId)) {
      for (const ImageItem& source : p.snapshot.images)
        if (source.id == p.moreLikeThis[batchId])
          for (ImageItem& i : plan) {
            i.prompt = source.prompt;
            i.values = source.values;
          }
      plan = plan.mid(0, static_cast<int>(std::min<qint64>(plan.size(), p.batchRequests[batchId].seedsPerPrompt)));
    }
    for (BatchItem& b : p.snapshot.batches)
      if (b.id == batchId) {
        done = b.done;
        b.status = BatchStatus::Running;
      }
    script = state_->script;
  }
  auto setStatus = [&](BatchStatus status) {
    QMutexLocker lock(&state_->mutex);
    for (BatchItem& b : open().snapshot.batches)
      if (b.id == batchId) b.status = status, b.done = done;
  };
  for (qint64 k = done; k < plan.size(); ++k) {
    for (int step = 1; step <= 4; ++step) {
      JobProgress p{QStringLiteral("denoise"), step, 4};
      p.item = k + 1;
      p.items = plan.size();
      context.report(p);
      if (script.stepMs > 0) QThread::msleep(static_cast<unsigned long>(script.stepMs));
      if (script.holdStage == -1 && script.holdStep == k) {
        state_->holding = true;
        while (!state_->released && !context.cancelToken()->cancelled()) QThread::msleep(2);
        state_->holding = false;
      }
      if (!context.proceed()) {
        setStatus(BatchStatus::Cancelled);
        fail(ErrorCode::Cancelled, "cancelled");
      }
    }
    ImageItem image = plan[k];
    {
      QMutexLocker lock(&state_->mutex);
      FakeProject& p = open();
      image.id = p.nextId++;
      image.jobId = batchId;
      image.createdAt = QStringLiteral("2026-12-01T10:%1:00.000Z").arg(k % 60, 2, 10, QLatin1Char('0'));
      image.thumbnail = photo(static_cast<int>(image.id), 128);
      p.snapshot.images.push_back(image);
      ++done;
    }
    setStatus(BatchStatus::Running);
    context.imageMade(image);
  }
  setStatus(BatchStatus::Done);
}

QImage FakeEngine::imageFull(qint64 imageId) {
  record("imageFull");
  return photo(static_cast<int>(imageId), 512);
}

QImage FakeEngine::photoFull(qint64 photoId) {
  record("photoFull");
  return photo(static_cast<int>(photoId), 512);
}

void FakeEngine::setReviewer(const QString& name) {
  record("setReviewer");
  reviewer_ = name;
}

void FakeEngine::setReview(const QList<qint64>& imageIds, ReviewState state) {
  record("setReview");
  QMutexLocker lock(&state_->mutex);
  for (ImageItem& i : open().snapshot.images)
    if (imageIds.contains(i.id)) {
      i.review = state;
      i.reviewer = state == ReviewState::New ? QString() : reviewer_;
      i.reviewedAt = state == ReviewState::New ? QString() : QStringLiteral("2026-12-01T11:00:00.000Z");
    }
}

RegenerateResult FakeEngine::regenerate(qint64 imageId, JobContext& context) {
  record("regenerate");
  for (int step = 1; step <= 4; ++step) context.report({QStringLiteral("denoise"), step, 4});
  return {imageId, photo(static_cast<int>(imageId), 512), true};
}

void FakeEngine::summarize(ProjectSnapshot& s) {
  s.summary = {};
  for (const Product& p : s.products) s.summary.productsTrained += p.trained ? 1 : 0;
  s.summary.imagesMade = s.images.size();
  for (const ImageItem& i : s.images) s.summary.approved += i.review == ReviewState::Approved ? 1 : 0;
  s.summary.exported = open().exported.size();
  s.summary.computeSeconds = 600.0 * s.summary.productsTrained + 4.0 * static_cast<double>(s.images.size());
}

FakeProject catalogueProject(const QString& path, const QString& modelPath, int images) {
  FakeProject p = trainedProject(path, modelPath);
  for (TemplateItem t : FakeEngine::catalogue()) {
    t.id = p.nextId++;
    t.example = FakeEngine::photo(static_cast<int>(70 + t.id), 96);
    p.snapshot.templates.push_back(t);
  }
  BatchRequest r;
  r.productIds = {p.snapshot.products.front().id};
  for (const TemplateItem& t : p.snapshot.templates) r.templateIds.push_back(t.id);
  r.seedsPerPrompt = 1;
  QList<ImageItem> plan = FakeEngine::planImages(p.snapshot, r).mid(0, images);
  BatchItem b;
  b.id = p.nextId++;
  b.status = BatchStatus::Done;
  b.total = plan.size();
  b.done = plan.size();
  p.snapshot.batches.push_back(b);
  p.batchRequests.insert(b.id, r);
  for (int k = 0; k < plan.size(); ++k) {
    ImageItem i = plan[k];
    i.id = p.nextId++;
    i.jobId = b.id;
    i.thumbnail = FakeEngine::photo(static_cast<int>(i.id), 128);
    i.review = k % 4 == 0 ? ReviewState::Approved : k % 4 == 1 ? ReviewState::Rejected : ReviewState::New;
    if (i.review != ReviewState::New) i.reviewer = QStringLiteral("Sato");
    i.createdAt = QStringLiteral("2026-12-01T10:00:00.000Z");
    p.snapshot.images.push_back(i);
  }
  return p;
}

}  // namespace rashisa::testing
