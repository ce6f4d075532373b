#pragma once
// What the window asks of the engine. Every method runs on the job runner's worker thread,
// never on the GUI thread; the real implementation (WorkflowEngine) drives engine/workflow,
// the tests' FakeEngine scripts progress, previews and failures.
//
// Failures are thrown as rashisa::Error (or store::StoreError); the job runner catches them
// and reports a JobError with the stable code the window translates.
#include "ui/jobs/engine_types.h"

#include <QMap>

namespace rashisa {
class CancelToken;
}

namespace rashisa::ui {

/// The worker's side of one job, handed to the engine call that runs it.
class JobContext {
 public:
  virtual ~JobContext() = default;
  /// Posts progress to the window (queued; cheap to call every step).
  virtual void report(const JobProgress& progress) = 0;
  /// Posts a training preview to the window.
  virtual void preview(const TrainingPreview& preview) = 0;
  /// Posts an image that is now stored in the project (batches).
  virtual void imageMade(const ImageItem& image) = 0;
  /// Call between steps: blocks while the job is paused; false when it should stop.
  virtual bool proceed() = 0;
  /// Set when the job is cancelled; long engine work polls it.
  virtual const CancelToken* cancelToken() const = 0;
};

class Engine {
 public:
  virtual ~Engine() = default;

  /// Which device later model loads use: "auto", "cpu", "cuda".
  virtual void setDevice(const QString& device) = 0;
  virtual DeviceInfo probeDevice() = 0;
  /// Steps and batch of each stage of the training presets ("default", "fast").
  virtual QMap<QString, std::array<StagePlan, 3>> presetPlans() = 0;
  /// Reads the model's configs and tensor headers (no weights): fast.
  virtual ModelInfo describeModel(const QString& path) = 0;

  virtual ProjectSnapshot createProject(const QString& path) = 0;
  /// Opens the project for changes. When another program has it open for changes, nothing
  /// is opened and the snapshot carries only the path and its holder.
  virtual ProjectSnapshot openProject(const QString& path) = 0;
  /// Opens the project only to look at it while another program changes it: every change
  /// fails (the window refuses them before asking).
  virtual ProjectSnapshot openProjectReadOnly(const QString& path) = 0;
  virtual void closeProject() = 0;
  /// The open project as it is now.
  virtual ProjectSnapshot snapshot() = 0;

  /// Files and folders (walked with their subfolders), in the order given.
  virtual ImportReport importPhotos(const QStringList& paths, JobContext& context) = 0;
  virtual void removePhotos(const QList<qint64>& ids) = 0;
  /// The demo in `folder` (photos, a tiny model Rashisa makes itself, a project with them and
  /// the product's name): made when its project is not there yet, left as it is when it is.
  /// Returns the project file's path (not opened). Progress stages: "model", "photos", "project".
  virtual QString makeDemoProject(const QString& folder, const QString& productName, JobContext& context) = 0;

  /// The product name and category typed on the Photos page, kept in the project.
  virtual void saveDraft(const QString& name, const QString& category) = 0;

  /// Loads and fingerprints the model and makes it the project's base model.
  virtual ModelInfo setProjectModel(const QString& path, JobContext& context) = 0;
  /// Empty when `word` works as the product's category with the project's model; otherwise
  /// the engine's English reason. Needs a base model (InvalidArgument otherwise).
  virtual QString categoryProblem(const QString& word) = 0;

  /// A few real training steps of each stage on this device (nothing is stored).
  virtual TrainingSpeed measureSpeed(int resolution, JobContext& context) = 0;
  /// Adds the product with its training settings (or replaces one of that name that has not
  /// started training). Returns its id.
  virtual qint64 setUpProduct(const ProductSetup& setup) = 0;
  /// The free space beside the project against what training `setup` with `memoryPlan` needs
  /// there (reads the base model's tensor headers only: fast). Needs a base model.
  virtual TrainingSpaceCheck trainingSpace(const ProductSetup& setup, const QString& memoryPlan) = 0;
  /// Trains or resumes the product. Cancelling stops after the current step with a checkpoint.
  virtual TrainResult train(qint64 productId, const TrainOptions& options, JobContext& context) = 0;
  /// Four images of a trained product from a prompt with {concept}; nothing is stored.
  virtual QList<TryImage> tryProduct(const TryRequest& request, JobContext& context) = 0;
  /// Seconds per denoising step of a generation at `size` px on this device.
  virtual GenerationSpeed measureGeneration(int size, JobContext& context) = 0;
  /// The base model measureSpeed and measureGeneration use while no project is open (the
  /// default model for new projects, checked by the first-start wizard); it is loaded by the
  /// first measurement that needs it. With a project open, the project's model is used.
  virtual void setMeasureModel(const QString& path) = 0;

  // ---- templates --------------------------------------------------------------------
  /// Adds (id 0) or updates a template; Error(InvalidArgument) names what to fix.
  virtual TemplateItem saveTemplate(const TemplateItem& item) = 0;
  virtual void removeTemplate(qint64 id) = 0;
  /// Checks a template being edited and expands it for the product (0: the category word
  /// "product"); cheap, for the editor's live example and count.
  virtual TemplatePreview previewTemplate(const TemplateItem& item, qint64 productId) = 0;
  /// A .json or .csv file: everything is checked first; with any problem nothing is imported.
  virtual TemplateImport importTemplates(const QString& path) = 0;
  /// Writes the templates (all when `ids` is empty) to a .json or .csv file.
  virtual void exportTemplates(const QString& path, const QList<qint64>& ids) = 0;
  /// One example image per template (its first prompt) with the product, stored in the project.
  virtual void makeTemplateExamples(qint64 productId, JobContext& context) = 0;

  // ---- batches, images, review, export ----------------------------------------------
  virtual BatchPlan planBatch(const BatchRequest& request) = 0;
  /// Records the batch as a queued job (nothing is made yet); returns its id.
  virtual qint64 queueBatch(const BatchRequest& request) = 0;
  /// Makes the batch's remaining images, each stored (and posted) as it is made.
  virtual void runBatch(qint64 batchId, JobContext& context) = 0;
  /// The same prompt and settings with `count` new seeds, as a new queued batch.
  virtual qint64 queueMoreLikeThis(qint64 imageId, int count) = 0;
  virtual QImage imageFull(qint64 imageId) = 0;
  virtual QImage photoFull(qint64 photoId) = 0;
  /// Who reviews (recorded with each mark and in the audit log).
  virtual void setReviewer(const QString& name) = 0;
  virtual void setReview(const QList<qint64>& imageIds, ReviewState state) = 0;
  /// Makes the image again from its record and compares it with the stored one.
  virtual RegenerateResult regenerate(qint64 imageId, JobContext& context) = 0;
  virtual ExportResult exportImages(const ExportSettings& settings, JobContext& context) = 0;
  /// The file names an export would write (first `max` of them), for the live preview; a bad
  /// pattern throws Error(InvalidArgument) naming what is wrong.
  virtual QStringList exportNames(const ExportSettings& settings, int max) = 0;
};

}  // namespace rashisa::ui
