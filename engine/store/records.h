#pragma once
// Plain records of a project file, as the Project API takes and returns them. No SQLite
// types. JSON-valued fields are UTF-8 JSON text; the file checks they are valid JSON.
// Times are UTC, ISO 8601 with milliseconds ("2024-05-01T09:30:00.000Z").
#include "engine/core/no_qt.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::store {

using Bytes = std::vector<std::uint8_t>;

/// The base model a project generates with; images record its hash.
struct BaseModelRef {
  std::string path;    // UTF-8; a diffusers folder or a single-file checkpoint
  std::string sha256;  // lower-case hex, empty when not known yet
};

// ---- photos ------------------------------------------------------------------------

struct NewPhoto {
  std::string file_name;       // name the user imported it under (no folders)
  int width = 0;               // pixels after applying `orientation`
  int height = 0;
  int orientation = 1;         // EXIF orientation 1..8 of the original bytes
  std::string findings = "[]"; // JSON: quality findings of the import checks
  Bytes thumbnail_png;         // may be empty
};

struct PhotoInfo {
  std::int64_t id = 0;
  std::string file_name;
  std::string sha256;          // of the original bytes
  std::int64_t byte_size = 0;
  int width = 0;
  int height = 0;
  int orientation = 1;
  std::string findings;
  std::string added_at;
  bool has_thumbnail = false;
};

// ---- concepts ----------------------------------------------------------------------

enum class ConceptStatus { New, Training, Paused, Trained, Failed };
const char* concept_status_name(ConceptStatus s) noexcept;  // "new", "training", ...

struct ConceptSpec {
  std::string name;            // shown to the user, unique in a project
  std::string token;           // the rare identifier token in prompts, e.g. "sks"
  std::string category;        // class noun, e.g. "bottle"
  std::string settings = "{}"; // JSON: training settings
};

/// Where training stands; a resume starts from `stage`/`step` with the saved checkpoint.
struct ConceptProgress {
  ConceptStatus status = ConceptStatus::New;
  int stage = 0;               // 0 = not started; AttnDreamBooth stages are 1..3
  std::int64_t step = 0;       // steps done within `stage`
};

struct Concept {
  std::int64_t id = 0;
  ConceptSpec spec;
  ConceptProgress progress;
  std::optional<std::int64_t> checkpoint_size;  // bytes of the resume checkpoint, if any
  std::optional<std::int64_t> package_size;     // bytes of the final concept package, if any
  std::string created_at;
  std::string updated_at;
};

/// One training preview: the image generated with the weights of that moment and the
/// placeholder token's cross-attention heat map (8-bit grey PNG, 255 = the map's maximum).
struct NewPreview {
  int stage = 0;               // 1..3
  std::int64_t step = 0;       // steps done in `stage`
  std::int64_t seed = 0;       // 0 .. 2^63-1
  Bytes image_png;
  Bytes heatmap_png;
};

struct PreviewRecord {
  std::int64_t id = 0;
  int stage = 0;
  std::int64_t step = 0;
  std::int64_t seed = 0;
  Bytes image_png;
  Bytes heatmap_png;
  std::string created_at;
};

// ---- prompt templates --------------------------------------------------------------

struct TemplateSpec {
  std::string text;                // with placeholders, e.g. "{product} on {background}"
  std::string variables = "{}";    // JSON object: placeholder -> array of values
  std::string label_ja;
  std::string label_en;
  std::string negative_prompt;
  int width = 512;                 // multiples of 8
  int height = 512;
  int steps = 30;
  double guidance = 7.5;
  std::string sampler = "ddim";
  int images_per_prompt = 1;
};

struct Template {
  std::int64_t id = 0;
  TemplateSpec spec;
  std::string created_at;
  std::string updated_at;
};

// ---- generation jobs and their images ---------------------------------------------

enum class JobStatus { Queued, Running, Done, Failed, Cancelled };
const char* job_status_name(JobStatus s) noexcept;  // "queued", "running", ...

struct JobSpec {
  std::optional<std::int64_t> template_id;
  std::optional<std::int64_t> concept_id;
  std::vector<std::int64_t> seeds;   // 0 .. 2^63-1
  std::string params = "{}";         // JSON: overrides of the template's settings
  std::int64_t total = 0;            // images the job will make
};

struct Job {
  std::int64_t id = 0;
  JobSpec spec;                      // template/concept become empty when those are deleted
  JobStatus status = JobStatus::Queued;
  std::int64_t done = 0;
  std::string error;                 // why it failed, empty otherwise
  std::string created_by;
  std::string created_at;
  std::string updated_at;
};

/// Everything needed to reproduce one generated image.
struct GenerationParams {
  std::int64_t seed = 0;
  std::string sampler;
  int steps = 0;
  double guidance = 0.0;
  int width = 0;
  int height = 0;
  std::string prompt;
  std::string negative_prompt;
  std::string template_values = "{}";  // JSON object: placeholder -> value used
  std::string base_model_sha256;
};

enum class Review { New, Approved, Rejected };
const char* review_name(Review r) noexcept;  // "new", "approved", "rejected"

struct NewImage {
  std::optional<std::int64_t> job_id;
  std::optional<std::int64_t> concept_id;
  GenerationParams params;
  Bytes png;
};

struct ImageInfo {
  std::int64_t id = 0;
  std::optional<std::int64_t> job_id;
  std::optional<std::int64_t> concept_id;
  GenerationParams params;
  std::int64_t byte_size = 0;
  std::string created_at;
  Review review = Review::New;
  std::string reviewer;             // empty while Review::New
  std::string reviewed_at;
};

// ---- audit log ---------------------------------------------------------------------

struct AuditEntry {
  std::int64_t id = 0;              // increasing in the order of the changes
  std::string at;
  std::string who;
  std::string action;               // "photo.add", "image.review", "image.export", ...
  std::string details;              // JSON object
};

// ---- file state --------------------------------------------------------------------

/// The connection and file settings as SQLite reports them (asserted after every open).
struct FileSettings {
  std::int64_t application_id = 0;
  int user_version = 0;
  bool foreign_keys = false;
  bool trusted_schema = true;
  bool secure_delete = false;
  bool cell_size_check = false;
  std::string journal_mode;         // "delete"
  int synchronous = 0;              // 2 = FULL
  std::int64_t page_size = 0;
};

}  // namespace rashisa::store
