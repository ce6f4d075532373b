#pragma once
// A scripted engine for the GUI tests: a project in memory, photos "imported" from real files
// in a test folder, findings from their names, training that reports steps, losses and previews
// at a chosen pace and can run out of memory, be cancelled or be left as after a crash. Every
// call records the thread it ran on.
#include "ui/jobs/engine.h"

#include <QMap>
#include <QMutex>
#include <QSet>
#include <QThread>

#include <atomic>

#include <memory>
#include <optional>
#include <string>

namespace rashisa::testing {

using namespace rashisa::ui;

struct FakeScript {
  DeviceInfo device{QStringLiteral("cuda:0"), QStringLiteral("NVIDIA GeForce RTX 4090"), true,
                    qint64(24) << 30, qint64(22) << 30, true, QStringLiteral("2.6.0")};
  QMap<QString, ModelInfo> models;       // path -> what describeModel says
  QSet<QString> knownWords{QStringLiteral("mug"), QStringLiteral("bottle"), QStringLiteral("bag")};
  int stepMs = 0;                         // pause after each training step
  int oomStage = 0;                       // > 0: out of memory at this stage...
  qint64 oomStep = 0;                     // ...after this many steps
  std::string oomMessage = "scripted: the GPU ran out of memory";
  int holdStage = 0;                      // > 0: training waits at this stage...
  qint64 holdStep = 0;                    // ...after this many steps, until released or cancelled
  std::optional<QString> failNext;       // the next call of this name throws
  QString failCode = QStringLiteral("internal");
  std::array<double, 3> secondsPerSample{0.5, 0.4, 0.9};  // what measureSpeed reports
  double secondsPerDenoise = 0.05;                         // what measureGeneration reports
  double decodeSeconds = 0.2;
  /// What trainingSpace() says (the folder is the project's own): plenty free by default.
  qint64 spaceNeeded = qint64(31) << 30;
  qint64 spaceAvailable = qint64(400) << 30;
};

struct FakeProject {
  ProjectSnapshot snapshot;
  qint64 nextId = 1;
  QMap<qint64, BatchRequest> batchRequests;   // what each batch makes
  QMap<qint64, qint64> moreLikeThis;          // batch -> the image it repeats
  QMap<qint64, QStringList> exported;         // image -> files it was exported to
};

/// Shared between the test and the engine (which lives on the worker thread).
struct FakeState {
  QMutex mutex;
  FakeScript script;
  QMap<QString, FakeProject> projects;  // the "files" on disk
  QList<QPair<QString, QThread*>> calls;
  std::atomic<bool> holding{false};   // training waits at the hold point now
  std::atomic<bool> released{false};  // let a held training go on
  int demosMade = 0;                  // demo projects made (not just opened)
  QMap<QString, ProjectHolder> holders;  // projects "another program" has open for changes
  QThread* workerThread() const;
  /// Calls whose thread is the given one.
  int callsOn(QThread* thread) const;
  QStringList callNames() const;
};

class FakeEngine final : public Engine {
 public:
  explicit FakeEngine(std::shared_ptr<FakeState> state);

  void setDevice(const QString& device) override;
  DeviceInfo probeDevice() override;
  QMap<QString, std::array<StagePlan, 3>> presetPlans() override;
  ModelInfo describeModel(const QString& path) override;
  ProjectSnapshot createProject(const QString& path) override;
  ProjectSnapshot openProject(const QString& path) override;
  ProjectSnapshot openProjectReadOnly(const QString& path) override;  // fake_engine_lock.cpp
  void closeProject() override;
  ProjectSnapshot snapshot() override;
  ImportReport importPhotos(const QStringList& paths, JobContext& context) override;
  void removePhotos(const QList<qint64>& ids) override;
  void saveDraft(const QString& name, const QString& category) override;
  QString makeDemoProject(const QString& folder, const QString& productName, JobContext& context) override;
  ModelInfo setProjectModel(const QString& path, JobContext& context) override;
  QString categoryProblem(const QString& word) override;
  TrainingSpeed measureSpeed(int resolution, JobContext& context) override;
  GenerationSpeed measureGeneration(int size, JobContext& context) override;
  void setMeasureModel(const QString& path) override;
  TemplateItem saveTemplate(const TemplateItem& item) override;
  void removeTemplate(qint64 id) override;
  TemplatePreview previewTemplate(const TemplateItem& item, qint64 productId) override;
  TemplateImport importTemplates(const QString& path) override;
  void exportTemplates(const QString& path, const QList<qint64>& ids) override;
  void makeTemplateExamples(qint64 productId, JobContext& context) override;
  BatchPlan planBatch(const BatchRequest& request) override;
  qint64 queueBatch(const BatchRequest& request) override;
  void runBatch(qint64 batchId, JobContext& context) override;
  qint64 queueMoreLikeThis(qint64 imageId, int count) override;
  QImage imageFull(qint64 imageId) override;
  QImage photoFull(qint64 photoId) override;
  void setReviewer(const QString& name) override;
  void setReview(const QList<qint64>& imageIds, ReviewState state) override;
  RegenerateResult regenerate(qint64 imageId, JobContext& context) override;
  ExportResult exportImages(const ExportSettings& settings, JobContext& context) override;
  QStringList exportNames(const ExportSettings& settings, int max) override;
  qint64 setUpProduct(const ProductSetup& setup) override;
  TrainingSpaceCheck trainingSpace(const ProductSetup& setup, const QString& memoryPlan) override;
  TrainResult train(qint64 productId, const TrainOptions& options, JobContext& context) override;
  QList<TryImage> tryProduct(const TryRequest& request, JobContext& context) override;

  /// A picture that looks like a product photo (a coloured mug-like shape), deterministic.
  static QImage photo(int index, int size = 160);
  /// A heat map that is bright where photo() draws the product.
  static QImage heat(int index, int size = 64);
  /// The findings of a photo set: count, and names containing "blur", "small", "dup".
  static void recheck(ProjectSnapshot& s);
  static DeviceInfo cpuDevice();
  /// Four catalogue templates like the built-in ones (one with two variables of 2 and 3 values).
  static QList<TemplateItem> catalogue();
  /// The images a batch request makes, in order (prompt, template, product, seed).
  static QList<ImageItem> planImages(const ProjectSnapshot& s, const BatchRequest& request);

 private:
  void record(const char* name);
  FakeProject& open();
  void summarize(ProjectSnapshot& s);
  QString reviewer_ = QStringLiteral("tester");
  Product* productById(qint64 id);
  /// Measuring needs a model: the open project's, or the one given by setMeasureModel.
  void requireMeasureModel();
  /// Throws the engine's error (or project-file fault) of that name; Internal for others.
  [[noreturn]] static void failWithCode(const QString& code, const char* call);
  QString measureModel_;
  /// The snapshot of a refused open when another program holds `path` (call with the mutex held).
  std::optional<ProjectSnapshot> heldElsewhere(const QString& path) const;
  /// Marks a snapshot of the open project read-only when it was opened so.
  void markReadOnly(ProjectSnapshot& s) const;
  bool readOnly_ = false;

  std::shared_ptr<FakeState> state_;
  QString openPath_;
  QString device_ = QStringLiteral("auto");
};

/// A project as a crash would leave it: photos, a model and a product stopped in stage 2 at
/// 340 of 800 with its checkpoint and the previews made until then.
FakeProject interruptedProject(const QString& path, const QString& modelPath);
/// Photos only (5 good ones, one blurred, two nearly the same).
FakeProject photosProject(const QString& path, const QString& modelPath);
/// The demo project as the engine makes it: photos (one blurred, two nearly the same), the demo
/// model as its base, the product's name and category, and the demo's training numbers.
FakeProject demoProject(const QString& path, const QString& modelPath, const QString& productName);
/// What describeModel says of the demo model at `path`.
ModelInfo demoModel(const QString& path);
/// A trained product with its previews.
FakeProject trainedProject(const QString& path, const QString& modelPath);
/// A trained product, the catalogue templates with examples, and one finished batch of
/// `images` images (some approved, some rejected, the rest new).
FakeProject catalogueProject(const QString& path, const QString& modelPath, int images = 12);

}  // namespace rashisa::testing
