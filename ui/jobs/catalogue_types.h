#pragma once
// Values for the catalogue half of the job (templates, batches, images, review, export) that
// cross the job runner. Qt value types only, safe to copy between threads.
#include <QImage>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rashisa::ui {

struct TemplateValue {
  QString value;  // English, as the model reads it
  QString labelEn;
  QString labelJa;
};

struct TemplateVariable {
  QString name;  // placeholder name without braces: "background"
  QString labelEn;
  QString labelJa;
  QList<TemplateValue> values;
};

/// A prompt template as the window edits it (engine: templates::PromptTemplate).
struct TemplateItem {
  qint64 id = 0;  // in the project; 0 = not stored yet
  QString key;    // "white-studio": [a-z0-9_-]+, unique in the project
  QString labelEn;
  QString labelJa;
  QString prompt;  // with {product} and the variables' placeholders
  QString negativePrompt;
  QList<TemplateVariable> variables;
  int width = 512;
  int height = 512;
  int steps = 50;
  double guidance = 7.5;
  QString sampler = QStringLiteral("dpmpp-2m");  // ddim, pndm, euler, dpmpp-2m, dpmpp-2m-karras
  int imagesPerPrompt = 1;
  bool builtin = false;  // its key is one of the built-in catalogue's
  QImage example;        // made on this machine with a trained product (may be null)
};

/// What is wrong with a template, for the editor and for imports: `code` is stable and
/// translated by the window; `field` names the part ("prompt", "variables", "width", ...);
/// `subject` the placeholder, variable or value concerned; `detail` the engine's English text.
struct TemplateProblem {
  QString templateKey;
  int line = 0;  // CSV line or 0
  QString field;
  QString code;
  QString subject;
  QString detail;
};

/// What a template makes with a product: its problems (empty when valid), how many prompts it
/// expands to, and the first of them with {product} and the variables filled in.
struct TemplatePreview {
  QList<TemplateProblem> problems;
  qint64 prompts = 0;
  QStringList examples;  // at most 3
  QString negativeExample;
};

struct TemplateImport {
  QList<TemplateItem> imported;     // empty when anything was wrong: nothing is imported then
  QList<TemplateProblem> problems;  // every problem found, so all can be fixed at once
};

/// A batch as the Generate page asks for it: products x templates (expanded) x seeds.
struct BatchRequest {
  QList<qint64> productIds;
  QList<qint64> templateIds;
  int seedsPerPrompt = 0;  // 0: each template's own images per prompt
  qint64 firstSeed = 0;    // seeds are firstSeed, firstSeed + 1, ...
  int steps = 0;           // 0: each template's own
  double guidance = -1;    // negative: each template's own
  QString sampler;         // empty: each template's own
  int size = 0;            // 0: each template's own (square sizes only here)
};

/// How many images a request makes, counted before anything runs.
struct BatchPlan {
  qint64 images = 0;
  qint64 prompts = 0;        // expanded prompts over all templates and products
  QStringList examplePrompts;  // the first few prompts, {product} filled in
  qint64 imageSteps = 0;     // sum of the denoising steps of every image (for the time estimate)
  QString problemCode;       // non-empty: the request cannot run ("over-cap", "no-trained-product", ...)
  QString problem;           // the engine's English text
  qint64 cap = 1000;
};

enum class ReviewState { New, Approved, Rejected };

/// A generated image with everything needed to remake it.
struct ImageItem {
  qint64 id = 0;
  qint64 jobId = 0;      // 0: none
  qint64 productId = 0;  // 0: the product was removed
  QString productName;
  qint64 templateId = 0;
  QString templateKey;
  QString templateLabel;  // in the window's language when known
  qint64 seed = 0;
  QString sampler;
  int steps = 0;
  double guidance = 0;
  int width = 0;
  int height = 0;
  QString prompt;
  QString negativePrompt;
  QMap<QString, QString> values;  // template variable -> value used
  QString baseModelHash;
  QString createdAt;  // ISO 8601 UTC
  ReviewState review = ReviewState::New;
  QString reviewer;
  QString reviewedAt;
  QImage thumbnail;  // at most 256 px
};

enum class BatchStatus { Queued, Running, Done, Failed, Cancelled };

struct BatchItem {
  qint64 id = 0;
  BatchStatus status = BatchStatus::Queued;
  qint64 done = 0;
  qint64 total = 0;
  QString createdAt;
  QString error;
};

struct ExportSettings {
  QString folder;
  bool jpeg = false;
  int quality = 92;  // JPEG 1..100
  /// File names: {product} {template} {image} {seed} {job} {date} {index} (1, 2, 3 ... in export
  /// order); the extension is added.
  QString pattern = QStringLiteral("{product}-{template}-{image}");
  QList<qint64> imageIds;  // empty: every approved image
  bool includePrompts = false;  // the AI label, seed, settings and model hash are always written
  bool contactSheet = false;    // a PDF beside the images
  bool overwrite = false;
};

struct ExportResult {
  QString folder;
  QStringList files;
  QString contactSheet;  // the PDF, when asked for
};

/// A remade image and whether it equals the stored one (bit for bit on the same device).
struct RegenerateResult {
  qint64 imageId = 0;
  QImage image;
  bool identical = false;
};

struct GenerationSpeed {
  double secondsPerStep = 0;
  double decodeSeconds = 0;
  int size = 512;
  QString device;
};

}  // namespace rashisa::ui

Q_DECLARE_METATYPE(rashisa::ui::TemplateItem)
Q_DECLARE_METATYPE(rashisa::ui::TemplateImport)
Q_DECLARE_METATYPE(rashisa::ui::TemplatePreview)
Q_DECLARE_METATYPE(rashisa::ui::BatchPlan)
Q_DECLARE_METATYPE(rashisa::ui::ImageItem)
Q_DECLARE_METATYPE(rashisa::ui::ExportResult)
Q_DECLARE_METATYPE(rashisa::ui::RegenerateResult)
Q_DECLARE_METATYPE(rashisa::ui::GenerationSpeed)
