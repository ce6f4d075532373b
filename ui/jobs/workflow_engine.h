#pragma once
// The real engine behind the window: engine/workflow over the open project file and the base
// model loaded once for it. Lives on the job runner's worker thread; every method runs there.
// Includes only the torch-free workflow headers.
#include "ui/jobs/engine.h"

#include <QHash>

#include <memory>
#include <optional>
#include <string>

namespace rashisa::store {
class Project;
struct ImageInfo;
struct LeaseHolder;
}
namespace rashisa::workflow {
class ModelSession;
}

namespace rashisa::ui {

class WorkflowEngine final : public Engine {
 public:
  WorkflowEngine();
  ~WorkflowEngine() override;

  void setDevice(const QString& device) override;
  DeviceInfo probeDevice() override;
  QMap<QString, std::array<StagePlan, 3>> presetPlans() override;
  ModelInfo describeModel(const QString& path) override;

  ProjectSnapshot createProject(const QString& path) override;
  ProjectSnapshot openProject(const QString& path) override;
  ProjectSnapshot openProjectReadOnly(const QString& path) override;
  void closeProject() override;
  ProjectSnapshot snapshot() override;

  ImportReport importPhotos(const QStringList& paths, JobContext& context) override;
  void removePhotos(const QList<qint64>& ids) override;
  void saveDraft(const QString& name, const QString& category) override;
  QString makeDemoProject(const QString& folder, const QString& productName, JobContext& context) override;

  ModelInfo setProjectModel(const QString& path, JobContext& context) override;
  QString categoryProblem(const QString& word) override;

  TrainingSpeed measureSpeed(int resolution, JobContext& context) override;
  qint64 setUpProduct(const ProductSetup& setup) override;
  TrainingSpaceCheck trainingSpace(const ProductSetup& setup, const QString& memoryPlan) override;
  TrainResult train(qint64 productId, const TrainOptions& options, JobContext& context) override;
  QList<TryImage> tryProduct(const TryRequest& request, JobContext& context) override;
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

  /// Draft keys in the project file.
  static constexpr char kDraftName[] = "ui.draft.name";
  static constexpr char kDraftCategory[] = "ui.draft.category";

 private:
  store::Project& project();
  static bool isDemoModel(const QString& path);
  /// The demo project's training numbers (its "ui.demo" setting); none in other projects.
  static std::optional<DemoTraining> demoTraining(const store::Project& project);
  /// The project's base model, loaded once (for training: fp32 master weights).
  workflow::ModelSession& session(JobContext& context);
  std::optional<ModelInfo> cachedModel(const QString& path, QString* problem, QString* code);
  /// The catalogue half of the snapshot: templates, images (thumbnails cached), batches, summary.
  void addCatalogue(ProjectSnapshot& snapshot);
  QList<TemplateItem> templateItems();
  struct ImageContext {
    QMap<qint64, QString> productNames;
    QMap<qint64, QString> templateKeys;
    QMap<qint64, QString> templateLabels;  // in the window's language
  };
  ImageContext imageContext(const QList<TemplateItem>& templates);
  /// The template of each stored image of a batch (all batches when `jobId` is empty): the
  /// images of a batch follow its plan in order.
  QMap<qint64, qint64> imageTemplates(std::optional<qint64> jobId = std::nullopt);
  ImageItem imageItem(const store::ImageInfo& image, const ImageContext& context, const QMap<qint64, qint64>& templateOf);
  QImage thumbnail(qint64 imageId);

  std::unique_ptr<store::Project> project_;
  /// Who held the project the last refused openProject() asked for (path, holder): named in
  /// the read-only snapshot of that project.
  QString heldPath_;
  std::optional<ProjectHolder> heldBy_;
  std::optional<ProjectHolder> readOnlyHolder_;  // set while a project is open read-only
  ProjectSnapshot heldSnapshot(const QString& path, const store::LeaseHolder& holder);
  std::unique_ptr<workflow::ModelSession> session_;
  std::string sessionKey_;  // model path + device the session was opened with
  std::string device_ = "auto";
  QString measureModel_;
  QString reviewer_;  // recorded as "who" in the project (set again on every open)  // the model measurements use while no project is open
  QString describedPath_;
  std::optional<ModelInfo> described_;
  QHash<qint64, QImage> thumbnails_;
};

}  // namespace rashisa::ui
