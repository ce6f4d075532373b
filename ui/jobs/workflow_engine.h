#pragma once
// The real engine behind the window: engine/workflow over the open project file and the base
// model loaded once for it. Lives on the job runner's worker thread; every method runs there.
// Includes only the torch-free workflow headers.
#include "ui/jobs/engine.h"

#include <memory>
#include <optional>
#include <string>

namespace rashisa::store {
class Project;
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
  void closeProject() override;
  ProjectSnapshot snapshot() override;

  ImportReport importPhotos(const QStringList& paths, JobContext& context) override;
  void removePhotos(const QList<qint64>& ids) override;
  void saveDraft(const QString& name, const QString& category) override;

  ModelInfo setProjectModel(const QString& path, JobContext& context) override;
  QString categoryProblem(const QString& word) override;

  TrainingSpeed measureSpeed(int resolution, JobContext& context) override;
  qint64 setUpProduct(const ProductSetup& setup) override;
  TrainResult train(qint64 productId, const TrainOptions& options, JobContext& context) override;
  QList<TryImage> tryProduct(const TryRequest& request, JobContext& context) override;

  /// Draft keys in the project file.
  static constexpr char kDraftName[] = "ui.draft.name";
  static constexpr char kDraftCategory[] = "ui.draft.category";

 private:
  store::Project& project();
  /// The project's base model, loaded once (for training: fp32 master weights).
  workflow::ModelSession& session(JobContext& context);
  std::optional<ModelInfo> cachedModel(const QString& path, QString* problem, QString* code);

  std::unique_ptr<store::Project> project_;
  std::unique_ptr<workflow::ModelSession> session_;
  std::string sessionKey_;  // model path + device the session was opened with
  std::string device_ = "auto";
  QString describedPath_;
  std::optional<ModelInfo> described_;
};

}  // namespace rashisa::ui
