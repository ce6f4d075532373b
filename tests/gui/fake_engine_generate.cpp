// Projects for the Generate and Review pages: a batch left unfinished, and the data the
// catalogue's page states show.
#include "tests/gui/fake_engine_generate.h"

#include <algorithm>

namespace rashisa::testing {

BatchRequest everyTemplate(const FakeProject& project, int seeds) {
  BatchRequest r;
  r.productIds = {project.snapshot.products.front().id};
  for (const TemplateItem& t : project.snapshot.templates) r.templateIds.push_back(t.id);
  r.seedsPerPrompt = seeds;
  return r;
}

FakeProject interruptedBatchProject(const QString& path, const QString& modelPath, int done, int seeds) {
  FakeProject p = catalogueProject(path, modelPath);
  BatchRequest r = everyTemplate(p, seeds);
  r.firstSeed = 100;
  const QList<ImageItem> plan = FakeEngine::planImages(p.snapshot, r);
  BatchItem b;
  b.id = p.nextId++;
  b.status = BatchStatus::Cancelled;
  b.total = plan.size();
  b.done = std::min<qint64>(done, plan.size());
  b.createdAt = QStringLiteral("2026-12-01T11:00:00.000Z");
  p.snapshot.batches.push_back(b);
  p.batchRequests.insert(b.id, r);
  for (int k = 0; k < b.done; ++k) {
    ImageItem i = plan[k];
    i.id = p.nextId++;
    i.jobId = b.id;
    i.thumbnail = FakeEngine::photo(static_cast<int>(i.id), 128);
    i.createdAt = QStringLiteral("2026-12-01T11:%1:00.000Z").arg(k % 60, 2, 10, QLatin1Char('0'));
    p.snapshot.images.push_back(i);
  }
  return p;
}

QStringList catalogueStateData() {
  QStringList data{QStringLiteral("Sato"), QStringLiteral("Kimura")};
  const QList<TemplateItem> templates = FakeEngine::catalogue();
  for (const TemplateItem& t : templates) {
    data << t.labelEn << t.labelJa << t.prompt << t.negativePrompt;
    for (const TemplateVariable& v : t.variables) {
      data << v.labelEn << v.labelJa;
      for (const TemplateValue& value : v.values) data << value.labelEn << value.labelJa << value.value;
    }
  }
  // The prompts as the model reads them, with the product's token and category.
  FakeProject p = catalogueProject(QStringLiteral("data.rashisa"), QString());
  for (const ImageItem& i : FakeEngine::planImages(p.snapshot, everyTemplate(p))) data << i.prompt;
  data.removeDuplicates();
  // Longest first: the coverage test removes data from a text in order, and a value such as
  // "white seamless paper" must not break up the prompt that contains it.
  std::stable_sort(data.begin(), data.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
  return data;
}

}  // namespace rashisa::testing
