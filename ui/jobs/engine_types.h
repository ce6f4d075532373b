#pragma once
// Plain values that cross the job runner between the window (GUI thread) and the engine
// (worker thread). Qt value types only: ui/ never sees libtorch, and every field is safe to
// copy between threads (QImage is implicitly shared and thread-safe to pass by value).
#include "ui/jobs/catalogue_types.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <utility>
#include <optional>

namespace rashisa::ui {

enum class Severity { Info, Warning, Error };

/// One finding of the photo checks. `code` is the engine's stable code ("blurry", ...); the
/// window shows translated text for it. `detail` is the engine's English sentence, kept for
/// "copy details".
struct PhotoFinding {
  Severity severity = Severity::Info;
  QString code;
  QList<qint64> photoIds;  // empty for the set as a whole
  QString detail;
};

struct Photo {
  qint64 id = 0;
  QString fileName;
  int width = 0;
  int height = 0;
  QImage thumbnail;  // may be null
};

enum class ProductStatus { New, Training, Paused, Trained, Failed };

struct StagePlan {
  int steps = 0;
  int batch = 0;
};

/// A preview made during training: the image and the attention heat map of the product's
/// token (Format_Grayscale8, 255 = where the word looks most).
struct TrainingPreview {
  int stage = 0;
  qint64 step = 0;
  qint64 seed = 0;
  QImage image;
  QImage heat;
};

struct Product {
  qint64 id = 0;
  QString name;
  QString category;
  QString preset;  // "default", "fast"
  int resolution = 512;
  ProductStatus status = ProductStatus::New;
  int stage = 0;    // where the saved progress stands (0: not started)
  qint64 step = 0;  // steps done within `stage`
  std::array<StagePlan, 3> stages{};
  bool hasCheckpoint = false;
  bool trained = false;
  QList<TrainingPreview> previews;

  /// Where a resume continues: a stage whose last step is saved continues with the next one.
  std::pair<int, qint64> resumePoint() const {
    if (stage >= 1 && stage < 3 && step >= stages[stage - 1].steps) return {stage + 1, 0};
    return {stage, step};
  }
};

/// The base model as its files describe it (read without loading the weights).
struct ModelInfo {
  QString path;
  QString layout;  // "diffusers folder" / "single-file checkpoint"
  QString family;  // "SD 1.x" / "SD 2.x"
  bool vPrediction = false;
  int nativeResolution = 512;
  qint64 parameters = 0;
  bool demo = false;  // the tiny demo model Rashisa makes itself: its images are abstract patterns
};

/// The training numbers the demo project asks for, so a product learns in minutes on a CPU.
struct DemoTraining {
  int resolution = 128;
  std::array<int, 3> steps{20, 30, 60};
  int batch = 2;
  int previewEvery = 0;  // 0: previews at the end of each stage only
};

/// What the project has done, for the Start page and managers.
struct ProjectSummary {
  int productsTrained = 0;
  qint64 imagesMade = 0;
  qint64 approved = 0;
  qint64 exported = 0;       // images exported at least once
  double computeSeconds = 0;  // training and generation time on this project's device(s)
};

/// The program that has a project open for changes (what its lock file says).
struct ProjectHolder {
  QString program;  // "Rashisa (window)", "rashisa-cli"
  QString host;
  QString user;
  qint64 pid = 0;
  QDateTime since;  // UTC; invalid when not recorded
};

/// Everything the pages show about the open project, read on the worker in one go.
struct ProjectSnapshot {
  QString path;
  QList<Photo> photos;
  QList<PhotoFinding> findings;
  QList<Product> products;
  QString modelPath;        // empty: no base model chosen yet
  std::optional<ModelInfo> model;
  QString modelProblem;     // the chosen model cannot be read now (moved, damaged): engine's text
  QString modelProblemCode; // its error code
  QString draftName;        // product name and category typed on the Photos page
  QString draftCategory;
  std::optional<DemoTraining> demoTraining;  // set in the demo project
  QList<TemplateItem> templates;
  QList<ImageItem> images;   // newest last
  QList<BatchItem> batches;  // oldest first
  ProjectSummary summary;
  /// openProject() found the project open for changes in another program: `holder` says who,
  /// and nothing was opened (the window offers openProjectReadOnly). In a snapshot of a
  /// project opened read-only, `readOnly` is set and `holder` says who has it.
  std::optional<ProjectHolder> holder;
  bool readOnly = false;
};

struct DeviceInfo {
  QString name;         // "cuda:0", "cpu"
  QString description;  // "NVIDIA GeForce RTX 4090", "CPU (16 threads)"
  bool cuda = false;
  qint64 totalMemory = -1;
  qint64 freeMemory = -1;
  bool bf16 = false;
  QString torchVersion;
};

struct ImportFailure {
  QString file;
  QString code;    // "not-an-image", "unsupported", "too-large", "missing", ...
  QString detail;  // the engine's English sentence
};

struct ImportReport {
  int added = 0;
  int duplicates = 0;
  QList<ImportFailure> failures;
  QStringList notPhotos;     // files in dropped folders that are not photos
  QStringList emptyFolders;  // dropped folders without any photo
  bool cancelled = false;
};

/// What the Learn page asks for when a product is set up. Negative step counts keep the
/// preset's numbers.
struct ProductSetup {
  QString name;
  QString category;
  QString preset = QStringLiteral("default");
  qint64 seed = 0;
  int resolution = 512;
  std::array<int, 3> steps{-1, -1, -1};
  std::array<int, 3> batch{-1, -1, -1};
  int checkpointEvery = 100;
};

struct TrainOptions {
  QString memoryPlan;        // empty: chosen from the free memory
  bool restart = false;
  double checkpointMinutes = 5;
  int previewEvery = 100;    // steps within each stage; stage ends always
};

struct TrainResult {
  qint64 productId = 0;
  int resumedStage = 0;
  qint64 resumedStep = 0;
  std::array<double, 3> seconds{};
  QString warning;
};

/// Free disk space beside the project against what a product's training will need there (its
/// checkpoints and the finished product are kept in the project file).
struct TrainingSpaceCheck {
  QString folder;          // the project file's folder
  qint64 needed = 0;       // bytes, about
  qint64 available = -1;   // bytes free there now; -1 when the system does not say
  bool isShort() const { return available >= 0 && available < needed; }
};

/// Measured training speed: seconds per training image per step, for each stage.
struct TrainingSpeed {
  std::array<double, 3> secondsPerSample{};
  QString device;
  QString description;
  int resolution = 512;
};

struct TryRequest {
  qint64 productId = 0;
  QString prompt;  // with {concept}
  QString negativePrompt;
  QList<qint64> seeds{1, 2, 3, 4};
  int size = 512;
  int steps = 25;
  double guidance = 7.5;
};

struct TryImage {
  qint64 seed = 0;
  QImage image;
};

/// Progress of the job in flight. `stage` says what is running: "load", "import", "measure",
/// "stage1".."stage3", "denoise", "decode". item/items count images or files.
struct JobProgress {
  QString stage;
  qint64 step = 0;
  qint64 total = 0;
  double loss = 0;
  double regLoss = 0;
  double secondsPerStep = 0;
  qint64 item = 0;
  qint64 items = 0;
};

/// A job that failed: the engine's stable code and English text; the window translates by code.
struct JobError {
  QString code;     // "out-of-memory", "file-not-found", store faults such as "disk-full", ...
  QString message;  // English, from the engine
};

}  // namespace rashisa::ui

Q_DECLARE_METATYPE(rashisa::ui::ProjectSnapshot)
Q_DECLARE_METATYPE(rashisa::ui::DeviceInfo)
Q_DECLARE_METATYPE(rashisa::ui::ModelInfo)
Q_DECLARE_METATYPE(rashisa::ui::ImportReport)
Q_DECLARE_METATYPE(rashisa::ui::TrainResult)
Q_DECLARE_METATYPE(rashisa::ui::TrainingSpeed)
Q_DECLARE_METATYPE(rashisa::ui::TrainingSpaceCheck)
Q_DECLARE_METATYPE(rashisa::ui::TrainingPreview)
Q_DECLARE_METATYPE(rashisa::ui::TryImage)
Q_DECLARE_METATYPE(QList<rashisa::ui::TryImage>)
Q_DECLARE_METATYPE(rashisa::ui::JobProgress)
Q_DECLARE_METATYPE(rashisa::ui::JobError)
