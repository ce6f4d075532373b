// Concepts: a subject learned from photos, with its training settings, progress, resume
// checkpoint and final package (both chunked blobs, see blobs.cpp).
#include "engine/core/space_advice.h"
#include "engine/store/project_impl.h"

#include <istream>
#include <ostream>

namespace rashisa::store {
namespace {

using sql::Transaction;

ConceptStatus status_from(const std::string& s) {
  if (s == "training") return ConceptStatus::Training;
  if (s == "paused") return ConceptStatus::Paused;
  if (s == "trained") return ConceptStatus::Trained;
  if (s == "failed") return ConceptStatus::Failed;
  return ConceptStatus::New;
}

constexpr const char* kConceptSelect =
    "SELECT c.id, c.name, c.token, c.category, c.settings, c.status, c.stage, c.step, "
    "cb.size, pb.size, c.created_at, c.updated_at FROM concepts c "
    "LEFT JOIN blobs cb ON cb.id = c.checkpoint_blob "
    "LEFT JOIN blobs pb ON pb.id = c.package_blob ";

Concept concept_from(const sql::Statement& s) {
  Concept c;
  c.id = s.int64(0);
  c.spec.name = s.text(1);
  c.spec.token = s.text(2);
  c.spec.category = s.text(3);
  c.spec.settings = s.text(4);
  c.progress.status = status_from(s.text(5));
  c.progress.stage = s.int32(6);
  c.progress.step = s.int64(7);
  c.checkpoint_size = s.opt_int64(8);
  c.package_size = s.opt_int64(9);
  c.created_at = s.text(10);
  c.updated_at = s.text(11);
  return c;
}

void validate(sqlite3* db, const ConceptSpec& spec) {
  detail::require(!spec.name.empty(), "A concept needs a name.");
  detail::require(!spec.token.empty(), "A concept needs a token to use in prompts.");
  detail::require_json(db, spec.settings, "concept settings", true);
}

void validate(const ConceptProgress& p) {
  detail::require(p.stage >= 0 && p.step >= 0, "A concept's stage and step cannot be negative.");
}

void require_unique_name(sqlite3* db, const std::string& name, std::int64_t except_id) {
  sql::Statement s(db, "SELECT 1 FROM concepts WHERE name = ? AND id <> ?", "Could not read the concepts");
  s.bind(1, name).bind(2, except_id);
  if (s.step()) {
    throw StoreError(StoreFault::Duplicate,
                     "A concept named “" + name + "” is already in the project; choose another name.");
  }
}

/// Stores a new blob and points `column` of the concept at it; the triggers of the
/// schema free the blob it replaces, all in one transaction.
void store_blob_now(Project::Impl& im, std::int64_t id, const char* column,
                    const detail::ByteSource& source, const ConceptProgress* progress,
                    const char* action) {
  sqlite3* db = im.get();
  const char* what = "Could not save the concept's data";
  Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", id);
  const std::int64_t blob = detail::put_blob(db, source);
  const std::string q = std::string("UPDATE concepts SET ") + column +
                        " = ?, updated_at = ? WHERE id = ?";
  sql::Statement s(db, q.c_str(), what);
  s.bind(1, blob).bind(2, sql::now_utc()).bind(3, id).run();
  const std::int64_t size = detail::blob_size(db, blob);
  if (progress) {
    sql::Statement p(db, "UPDATE concepts SET status = ?, stage = ?, step = ? WHERE id = ?", what);
    p.bind(1, concept_status_name(progress->status)).bind(2, progress->stage);
    p.bind(3, progress->step).bind(4, id).run();
    detail::audit(db, im.actor, action,
                  {{"concept", id}, {"bytes", size}, {"status", concept_status_name(progress->status)},
                   {"stage", progress->stage}, {"step", progress->step}});
  } else {
    detail::audit(db, im.actor, action, {{"concept", id}, {"bytes", size}});
  }
  tx.commit();
}

/// Bytes left to read in `in`; 0 when the stream cannot say (not seekable).
std::int64_t remaining_bytes(std::istream& in) {
  const auto here = in.tellg();
  if (here < 0 || !in.seekg(0, std::ios::end)) return in.clear(), 0;
  const auto end = in.tellg();
  in.seekg(here);
  return end > here ? static_cast<std::int64_t>(end - here) : 0;
}

/// store_blob_now(); a full or read-only disk is reported with the project's folder and the space
/// it needs: the new data (`size`) plus SQLite's journal, which holds the pages of the blob it
/// replaces (they are overwritten with zeros, secure_delete).
void store_blob(Project::Impl& im, std::int64_t id, const char* column, const detail::ByteSource& source,
                const ConceptProgress* progress, const char* action, std::int64_t size) {
  try {
    store_blob_now(im, id, column, source, progress, action);
  } catch (const StoreError& e) {
    std::int64_t replaced = 0;
    try {
      const std::string q = std::string("SELECT ") + column + " FROM concepts WHERE id = ?";
      sql::Statement s(im.get(), q.c_str(), "Could not read the project");
      s.bind(1, id);
      if (s.step() && !s.is_null(0)) replaced = detail::blob_size(im.get(), s.int64(0));
    } catch (const StoreError&) {
      // Only the estimate is less exact; the original error is what matters.
    }
    const bool checkpoint = std::string(column) == "checkpoint_blob";
    throw with_space_advice(e, folder_of(im.path), size + replaced,
                            checkpoint ? "save this training checkpoint in the project"
                                       : "store the finished product in the project");
  }
}

/// False when the concept has no value in `column`.
bool load_blob(const Project::Impl& im, std::int64_t id, const char* column,
               const detail::ByteSink& sink) {
  sqlite3* db = im.get();
  // One snapshot for both queries, even if another connection replaces the blob.
  Transaction tx(db, "Could not read the concept's data", Transaction::Mode::Read);
  const std::string q = std::string("SELECT ") + column + " FROM concepts WHERE id = ?";
  sql::Statement s(db, q.c_str(), "Could not read the concept's data");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Concept", id);
  if (s.is_null(0)) return false;
  detail::read_blob(db, s.int64(0), sink);
  return true;
}

std::optional<Bytes> load_bytes(const Project::Impl& im, std::int64_t id, const char* column) {
  Bytes out;
  const bool found = load_blob(im, id, column, [&out](const std::uint8_t* p, std::size_t n) {
    out.insert(out.end(), p, p + n);
  });
  if (!found) return std::nullopt;
  return out;
}

bool load_stream(const Project::Impl& im, std::int64_t id, const char* column, std::ostream& os) {
  return load_blob(im, id, column, [&os](const std::uint8_t* p, std::size_t n) {
    os.write(reinterpret_cast<const char*>(p), static_cast<std::streamsize>(n));
    if (!os) throw StoreError(StoreFault::Io, "Could not write the concept's data out of the project.");
  });
}

void clear_checkpoint_now(Project::Impl& im, std::int64_t concept_id) {
  sqlite3* db = im.get();
  const char* what = "Could not remove the concept's checkpoint";
  Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", concept_id);
  sql::Statement s(db, "UPDATE concepts SET checkpoint_blob = NULL, updated_at = ? WHERE id = ?",
                   what);
  s.bind(1, sql::now_utc()).bind(2, concept_id).run();
  detail::audit(db, im.actor, "concept.checkpoint.clear", {{"concept", concept_id}});
  tx.commit();
}

}  // namespace

std::int64_t Project::add_concept(const ConceptSpec& spec) {
  Impl& im = impl();
  sqlite3* db = im.get();
  validate(db, spec);
  const char* what = "Could not add the concept";
  Transaction tx(db, what);
  require_unique_name(db, spec.name, 0);
  const std::string now = sql::now_utc();
  sql::Statement s(db,
                   "INSERT INTO concepts(name, token, category, settings, created_at, updated_at) "
                   "VALUES(?, ?, ?, ?, ?, ?)",
                   what);
  s.bind(1, spec.name).bind(2, spec.token).bind(3, spec.category).bind(4, spec.settings);
  s.bind(5, now).bind(6, now).run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  detail::audit(db, im.actor, "concept.add", {{"concept", id}, {"name", spec.name}});
  tx.commit();
  return id;
}

std::vector<Concept> Project::list_concepts() const {
  const std::string q = std::string(kConceptSelect) + "ORDER BY c.id";
  sql::Statement s(impl().get(), q.c_str(), "Could not list the concepts");
  std::vector<Concept> out;
  while (s.step()) out.push_back(concept_from(s));
  return out;
}

Concept Project::get_concept(std::int64_t id) const {
  const std::string q = std::string(kConceptSelect) + "WHERE c.id = ?";
  sql::Statement s(impl().get(), q.c_str(), "Could not read the concept");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Concept", id);
  return concept_from(s);
}

void Project::update_concept(std::int64_t id, const ConceptSpec& spec) {
  Impl& im = impl();
  sqlite3* db = im.get();
  validate(db, spec);
  const char* what = "Could not save the concept";
  Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", id);
  require_unique_name(db, spec.name, id);
  sql::Statement s(db,
                   "UPDATE concepts SET name = ?, token = ?, category = ?, settings = ?, "
                   "updated_at = ? WHERE id = ?",
                   what);
  s.bind(1, spec.name).bind(2, spec.token).bind(3, spec.category).bind(4, spec.settings);
  s.bind(5, sql::now_utc()).bind(6, id).run();
  detail::audit(db, im.actor, "concept.update", {{"concept", id}, {"name", spec.name}});
  tx.commit();
}

void Project::set_concept_progress(std::int64_t id, const ConceptProgress& progress) {
  Impl& im = impl();
  sqlite3* db = im.get();
  validate(progress);
  const char* what = "Could not save the concept's progress";
  Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", id);
  sql::Statement s(db,
                   "UPDATE concepts SET status = ?, stage = ?, step = ?, updated_at = ? WHERE id = ?",
                   what);
  s.bind(1, concept_status_name(progress.status)).bind(2, progress.stage).bind(3, progress.step);
  s.bind(4, sql::now_utc()).bind(5, id).run();
  detail::audit(db, im.actor, "concept.progress",
                {{"concept", id}, {"status", concept_status_name(progress.status)},
                 {"stage", progress.stage}, {"step", progress.step}});
  tx.commit();
}

void Project::remove_concept(std::int64_t id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the concept";
  Transaction tx(db, what);
  std::string name;
  {
    sql::Statement q(db, "SELECT name FROM concepts WHERE id = ?", what);
    q.bind(1, id);
    if (!q.step()) detail::not_found("Concept", id);
    name = q.text(0);
  }
  sql::Statement s(db, "DELETE FROM concepts WHERE id = ?", what);
  s.bind(1, id).run();
  detail::audit(db, im.actor, "concept.remove", {{"concept", id}, {"name", name}});
  tx.commit();
}

void Project::set_concept_photos(std::int64_t concept_id, const std::vector<std::int64_t>& photo_ids) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not save the concept's photos";
  Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", concept_id);
  sql::Statement clear(db, "DELETE FROM concept_photos WHERE concept_id = ?", what);
  clear.bind(1, concept_id).run();
  sql::Statement add(db, "INSERT OR IGNORE INTO concept_photos(concept_id, photo_id) VALUES(?, ?)",
                     what);
  for (const std::int64_t photo : photo_ids) {
    detail::require_row(db, "photos", "Photo", photo);
    add.reset();
    add.bind(1, concept_id).bind(2, photo).run();
  }
  detail::audit_json(db, im.actor, "concept.photos",
                     "{\"concept\":" + std::to_string(concept_id) +
                         ",\"photos\":" + detail::json_int_array(photo_ids) + "}");
  tx.commit();
}

std::vector<std::int64_t> Project::concept_photos(std::int64_t concept_id) const {
  sqlite3* db = impl().get();
  detail::require_row(db, "concepts", "Concept", concept_id);
  sql::Statement s(db, "SELECT photo_id FROM concept_photos WHERE concept_id = ? ORDER BY photo_id",
                   "Could not read the concept's photos");
  s.bind(1, concept_id);
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

void Project::save_checkpoint(std::int64_t concept_id, const Bytes& bytes,
                              const ConceptProgress& progress) {
  validate(progress);
  store_blob(impl(), concept_id, "checkpoint_blob", detail::source_of(bytes), &progress,
             "concept.checkpoint", static_cast<std::int64_t>(bytes.size()));
}

void Project::save_checkpoint(std::int64_t concept_id, std::istream& bytes,
                              const ConceptProgress& progress) {
  validate(progress);
  const std::int64_t size = remaining_bytes(bytes);
  store_blob(impl(), concept_id, "checkpoint_blob", detail::source_of(bytes), &progress,
             "concept.checkpoint", size);
}

std::optional<Bytes> Project::load_checkpoint(std::int64_t concept_id) const {
  return load_bytes(impl(), concept_id, "checkpoint_blob");
}

bool Project::load_checkpoint(std::int64_t concept_id, std::ostream& out) const {
  return load_stream(impl(), concept_id, "checkpoint_blob", out);
}

void Project::clear_checkpoint(std::int64_t concept_id) {
  try {
    clear_checkpoint_now(impl(), concept_id);
  } catch (const StoreError& e) {
    // Its pages are overwritten with zeros (secure_delete), so SQLite's journal keeps a copy of
    // them until the removal commits: about the checkpoint's size.
    std::int64_t size = 0;
    if (e.fault() == StoreFault::DiskFull) size = get_concept(concept_id).checkpoint_size.value_or(0);
    throw with_space_advice(e, folder_of(impl().path), size,
                            "remove the saved training checkpoint (SQLite's journal keeps a "
                            "copy of it until the removal is done)");
  }
}

void Project::save_package(std::int64_t concept_id, const Bytes& bytes) {
  store_blob(impl(), concept_id, "package_blob", detail::source_of(bytes), nullptr, "concept.package",
             static_cast<std::int64_t>(bytes.size()));
}

void Project::save_package(std::int64_t concept_id, std::istream& bytes) {
  const std::int64_t size = remaining_bytes(bytes);
  store_blob(impl(), concept_id, "package_blob", detail::source_of(bytes), nullptr, "concept.package", size);
}

std::optional<Bytes> Project::load_package(std::int64_t concept_id) const {
  return load_bytes(impl(), concept_id, "package_blob");
}

bool Project::load_package(std::int64_t concept_id, std::ostream& out) const {
  return load_stream(impl(), concept_id, "package_blob", out);
}

}  // namespace rashisa::store
