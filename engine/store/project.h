#pragma once
// The Rashisa project file (`.rashisa`): one SQLite database holding a project's photos,
// concepts with their checkpoints and packages, prompt templates, generation jobs with
// their images, and an audit log. See DESIGN.md section 6, RELIABILITY.md section 2.
//
// Guarantees:
//  - open() never creates or changes a file it refuses: a missing path, a non-database,
//    a foreign SQLite file, a project from a newer Rashisa and a damaged file each give a
//    StoreError with its own fault, and the file's bytes stay as they were. (The one
//    change SQLite makes before our checks end is rolling back the hot journal a crash
//    left beside one of our own files: that is the recovery, not damage.)
//  - Every call that changes the project is one transaction (rollback journal, fsync'ed
//    with synchronous=FULL): a crash or power cut loses at most the call in flight.
//  - Removed photos and images leave none of their bytes in the file (secure_delete).
//
// Threads: a Project is one SQLite connection and is NOT thread-safe. Use it from one
// thread at a time; a worker thread that needs the project opens its own Project on the
// same path (SQLite's file locks serialise the writers; a writer that waits too long gets
// StoreFault::Busy). Those connections share the process's lease on the project; another
// program is refused (ProjectInUse) until the last of them closes.
#include "engine/core/no_qt.h"
#include "engine/store/records.h"
#include "engine/store/store_error.h"

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::store {

/// `PRAGMA application_id` of every project file: 'RSH1'.
inline constexpr std::int32_t kApplicationId = 0x52534831;
/// `PRAGMA user_version` this build writes; files up to this version open (older ones are
/// migrated forward one step at a time).
inline constexpr int kSchemaVersion = 3;  // 2: training previews, 3: template examples
/// Concept checkpoints and packages are stored in chunks of this many bytes.
inline constexpr std::size_t kBlobChunkSize = std::size_t{1} << 20;

class Project {
 public:
  /// Creates a new, empty project at `path` (built under a temporary name beside it and
  /// moved into place). Throws StoreError: AlreadyExists when `path` exists, Missing when
  /// its folder does not, ReadOnly / DiskFull / Io.
  static Project create(const std::filesystem::path& path);

  enum class OpenMode {
    /// Takes the project's lease (engine/store/project_lease.h) for as long as it is open.
    ReadWrite,
    /// Reads a project another program may hold: no lease, nothing written (every change
    /// throws ReadOnly). An older or crash-interrupted project that no program holds is first
    /// brought up to date by a brief ReadWrite open.
    ReadOnly,
  };

  /// Opens an existing project; never creates a file. Throws StoreError: Missing,
  /// NotADatabase, Foreign, TooNew, Damaged (quick_check fails), ReadOnly, Busy, and for
  /// ReadWrite ProjectInUse (StoreFault::InUse) while another program holds the project.
  /// An older project is migrated to kSchemaVersion; before the first step a copy is saved
  /// as "<path>.v<old version>.bak".
  static Project open(const std::filesystem::path& path, OpenMode mode = OpenMode::ReadWrite);

  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;
  ~Project();

  /// Closes the connection; later calls throw StoreFault::Closed. Idempotent.
  void close() noexcept;
  bool is_open() const noexcept;
  /// Opened with OpenMode::ReadOnly.
  bool read_only() const noexcept;
  const std::filesystem::path& path() const noexcept;

  /// Name recorded as "who" in the audit log and on reviews (default: the OS user name).
  void set_actor(std::string who);
  const std::string& actor() const noexcept;

  // ---- base model ------------------------------------------------------------------
  void set_base_model(const BaseModelRef& model);
  /// Empty fields when none was set.
  BaseModelRef base_model() const;

  // ---- front-end values ------------------------------------------------------------
  /// Small values a front end keeps with the project, e.g. the product name typed before the
  /// product exists. Keys start with "ui." and are at most 64 bytes; values are UTF-8 text up
  /// to 64 KiB; an empty value removes the key. Invalid otherwise. Not audited.
  void set_setting(const std::string& key, const std::string& value);
  /// The value, or an empty string when the key is not set.
  std::string setting(const std::string& key) const;

  // ---- photos ----------------------------------------------------------------------
  /// Stores the original file bytes; computes their sha256. Duplicate when the same
  /// bytes are already in the project. Returns the new photo's id.
  std::int64_t add_photo(const Bytes& original, const NewPhoto& meta);
  /// All photos in the order they were added, without their bytes.
  std::vector<PhotoInfo> list_photos() const;
  PhotoInfo get_photo(std::int64_t id) const;
  /// The original bytes, checked against their stored hash (Damaged when they differ).
  Bytes photo_bytes(std::int64_t id) const;
  /// Empty when the photo has no thumbnail.
  Bytes photo_thumbnail(std::int64_t id) const;
  void set_photo_findings(std::int64_t id, const std::string& findings_json);
  /// Deletes the photo, its thumbnail and its links to concepts; none of its bytes stay
  /// in the file.
  void remove_photo(std::int64_t id);

  // ---- concepts --------------------------------------------------------------------
  std::int64_t add_concept(const ConceptSpec& spec);
  std::vector<Concept> list_concepts() const;
  Concept get_concept(std::int64_t id) const;
  void update_concept(std::int64_t id, const ConceptSpec& spec);
  void set_concept_progress(std::int64_t id, const ConceptProgress& progress);
  /// Deletes the concept with its checkpoint and package. Jobs and images made with it
  /// stay (their concept becomes empty); the audit log keeps its name.
  void remove_concept(std::int64_t id);
  /// The photos a concept is trained on, replacing any earlier selection.
  void set_concept_photos(std::int64_t concept_id, const std::vector<std::int64_t>& photo_ids);
  std::vector<std::int64_t> concept_photos(std::int64_t concept_id) const;

  /// Replaces the concept's resume checkpoint (any size; stored in chunks) and records
  /// `progress` in the same transaction, so the two always agree.
  void save_checkpoint(std::int64_t concept_id, const Bytes& bytes, const ConceptProgress& progress);
  void save_checkpoint(std::int64_t concept_id, std::istream& bytes, const ConceptProgress& progress);
  /// Empty optional / false when the concept has no checkpoint. Damaged when the stored
  /// bytes do not match their hash.
  std::optional<Bytes> load_checkpoint(std::int64_t concept_id) const;
  bool load_checkpoint(std::int64_t concept_id, std::ostream& out) const;
  void clear_checkpoint(std::int64_t concept_id);

  /// The final concept package (the trained weights the generator loads).
  void save_package(std::int64_t concept_id, const Bytes& bytes);
  void save_package(std::int64_t concept_id, std::istream& bytes);
  std::optional<Bytes> load_package(std::int64_t concept_id) const;
  bool load_package(std::int64_t concept_id, std::ostream& out) const;

  // ---- training previews -----------------------------------------------------------
  /// Stores one preview of a concept's training, replacing the one with the same stage, step
  /// and seed (one transaction). Invalid for stage outside 1..3, a negative step or seed, or
  /// empty PNGs; NotFound for an unknown concept.
  void add_preview(std::int64_t concept_id, const NewPreview& preview);
  /// The concept's previews ordered by stage, step and seed, with their PNG bytes.
  std::vector<PreviewRecord> list_previews(std::int64_t concept_id) const;
  /// Deletes all previews of the concept (none of their bytes stay in the file). Removing the
  /// concept removes them too.
  void clear_previews(std::int64_t concept_id);

  // ---- prompt templates ------------------------------------------------------------
  std::int64_t add_template(const TemplateSpec& spec);
  std::vector<Template> list_templates() const;
  Template get_template(std::int64_t id) const;
  void update_template(std::int64_t id, const TemplateSpec& spec);
  /// Adds all templates in one transaction (all or none); returns their ids in order.
  std::vector<std::int64_t> add_templates(const std::vector<TemplateSpec>& specs);
  /// Jobs made from the template stay (their template becomes empty); its example goes.
  void remove_template(std::int64_t id);

  // ---- template examples -----------------------------------------------------------
  /// Stores the template's example image (made with `concept_id`, nullopt: the base model),
  /// replacing the one it had (one transaction; not audited: the workflow logs the run).
  /// Invalid for a negative seed or empty PNG bytes; NotFound for an unknown template or
  /// concept. update_template() removes the example when the prompt, variables or generation
  /// settings change (a label change keeps it); removing the template removes it; removing
  /// the product keeps it (its product becomes empty).
  void set_template_example(std::int64_t template_id, std::optional<std::int64_t> concept_id, std::int64_t seed,
                            const Bytes& png);
  /// The example's PNG bytes; nullopt when the template has none. NotFound for an unknown
  /// template.
  std::optional<Bytes> template_example(std::int64_t template_id) const;
  /// Ids of the templates that have an example, ascending.
  std::vector<std::int64_t> templates_with_examples() const;

  // ---- generation jobs -------------------------------------------------------------
  std::int64_t add_job(const JobSpec& spec);
  std::vector<Job> list_jobs() const;
  Job get_job(std::int64_t id) const;
  /// Changes the status (audited); `error` is kept for Failed.
  void set_job_status(std::int64_t id, JobStatus status, const std::string& error = {});
  /// Records progress without an audit entry (called once per image).
  void set_job_progress(std::int64_t id, std::int64_t done);
  /// Deletes the job and all of its images.
  void remove_job(std::int64_t id);

  // ---- generated images ------------------------------------------------------------
  std::int64_t add_image(const NewImage& image);
  /// Images of one job, or all images when `job_id` is empty; without their PNG bytes.
  std::vector<ImageInfo> list_images(std::optional<std::int64_t> job_id = std::nullopt) const;
  ImageInfo get_image(std::int64_t id) const;
  Bytes image_png(std::int64_t id) const;
  /// Approve or reject (or reset to New); `who` is recorded with the time.
  void set_review(std::int64_t id, Review review, const std::string& who);
  void remove_image(std::int64_t id);

  // ---- audit log -------------------------------------------------------------------
  /// Appends an entry for something the file cannot see, e.g. "image.export" with
  /// {"image": 12, "to": "/path/out.png"}. `details_json` must be a JSON object.
  void log_action(const std::string& action, const std::string& details_json);
  /// Entries oldest first; with `last` > 0 only the newest `last` entries.
  std::vector<AuditEntry> audit_log(std::size_t last = 0) const;

  // ---- the file --------------------------------------------------------------------
  /// Gives the space of deleted data back to the file system (the file shrinks; deleted
  /// bytes were already overwritten). Returns the bytes released. A file made before
  /// incremental auto-vacuum is rewritten once (VACUUM; needs free disk space about the
  /// size of its live data) and is incremental from then on.
  std::int64_t compact();
  /// compact() after a removal that has already committed: a failure (a full disk, say)
  /// undoes nothing, so it is returned as the reason instead of thrown. nullopt when done.
  std::optional<std::string> try_compact() noexcept;

  /// Full `PRAGMA integrity_check` plus `foreign_key_check` (slow on large files).
  bool integrity_ok() const;
  FileSettings file_settings() const;
  /// A consistent copy through SQLite's backup API: written to a temporary name beside
  /// `dest`, fsync'ed, then renamed over `dest`. `dest` must not be this project's file.
  void save_copy(const std::filesystem::path& dest) const;

  struct Impl;  // defined in engine/store/project_impl.h (private)

 private:
  explicit Project(std::unique_ptr<Impl> impl);
  Impl& impl() const;  // throws StoreFault::Closed
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashisa::store
