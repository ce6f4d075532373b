#include "engine/store/schema.h"

#include "engine/store/sql.h"

#include <string>

namespace rashisa::store::schema {
namespace {

// Blob-valued columns come last in each table: a row is read left to right, so listing
// the small columns never walks a BLOB's overflow pages.
// JSON columns are checked in C++ before every write (detail::require_json): SQLite 3.40
// does not mark json_valid() innocuous, so under trusted_schema=OFF it cannot sit in a CHECK.
// Times are ISO 8601 UTC text.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE settings(
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE blobs(
  id         INTEGER PRIMARY KEY,
  size       INTEGER NOT NULL CHECK(size >= 0),
  sha256     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE blob_chunks(
  blob_id     INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
  chunk_index INTEGER NOT NULL CHECK(chunk_index >= 0),
  bytes       BLOB NOT NULL,
  PRIMARY KEY(blob_id, chunk_index)
);

CREATE TABLE photos(
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL UNIQUE,
  byte_size   INTEGER NOT NULL CHECK(byte_size >= 0),
  width       INTEGER NOT NULL CHECK(width >= 0),
  height      INTEGER NOT NULL CHECK(height >= 0),
  orientation INTEGER NOT NULL DEFAULT 1 CHECK(orientation BETWEEN 1 AND 8),
  findings    TEXT NOT NULL DEFAULT '[]',
  added_at    TEXT NOT NULL,
  thumbnail   BLOB,
  original    BLOB NOT NULL
);

CREATE TABLE concepts(
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  token           TEXT NOT NULL,
  category        TEXT NOT NULL,
  settings        TEXT NOT NULL DEFAULT '{}',
  status          TEXT NOT NULL DEFAULT 'new'
                  CHECK(status IN ('new', 'training', 'paused', 'trained', 'failed')),
  stage           INTEGER NOT NULL DEFAULT 0 CHECK(stage >= 0),
  step            INTEGER NOT NULL DEFAULT 0 CHECK(step >= 0),
  checkpoint_blob INTEGER REFERENCES blobs(id) ON DELETE SET NULL,
  package_blob    INTEGER REFERENCES blobs(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX concepts_checkpoint ON concepts(checkpoint_blob);
CREATE INDEX concepts_package ON concepts(package_blob);

-- A concept's blobs belong to it alone: replacing or deleting the concept frees them.
CREATE TRIGGER concepts_free_blobs AFTER DELETE ON concepts BEGIN
  DELETE FROM blobs WHERE id IN (OLD.checkpoint_blob, OLD.package_blob);
END;
CREATE TRIGGER concepts_replace_checkpoint AFTER UPDATE OF checkpoint_blob ON concepts
  WHEN OLD.checkpoint_blob IS NOT NEW.checkpoint_blob BEGIN
  DELETE FROM blobs WHERE id = OLD.checkpoint_blob;
END;
CREATE TRIGGER concepts_replace_package AFTER UPDATE OF package_blob ON concepts
  WHEN OLD.package_blob IS NOT NEW.package_blob BEGIN
  DELETE FROM blobs WHERE id = OLD.package_blob;
END;

CREATE TABLE concept_photos(
  concept_id INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  photo_id   INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
  PRIMARY KEY(concept_id, photo_id)
) WITHOUT ROWID;
CREATE INDEX concept_photos_photo ON concept_photos(photo_id);

CREATE TABLE templates(
  id                INTEGER PRIMARY KEY,
  text              TEXT NOT NULL,
  variables         TEXT NOT NULL DEFAULT '{}',
  label_ja          TEXT NOT NULL DEFAULT '',
  label_en          TEXT NOT NULL DEFAULT '',
  negative_prompt   TEXT NOT NULL DEFAULT '',
  width             INTEGER NOT NULL CHECK(width > 0 AND width % 8 = 0),
  height            INTEGER NOT NULL CHECK(height > 0 AND height % 8 = 0),
  steps             INTEGER NOT NULL CHECK(steps > 0),
  guidance          REAL NOT NULL,
  sampler           TEXT NOT NULL,
  images_per_prompt INTEGER NOT NULL CHECK(images_per_prompt > 0),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

CREATE TABLE jobs(
  id          INTEGER PRIMARY KEY,
  template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
  concept_id  INTEGER REFERENCES concepts(id) ON DELETE SET NULL,
  seeds       TEXT NOT NULL DEFAULT '[]',
  params      TEXT NOT NULL DEFAULT '{}',
  status      TEXT NOT NULL DEFAULT 'queued'
              CHECK(status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  done        INTEGER NOT NULL DEFAULT 0 CHECK(done >= 0),
  total       INTEGER NOT NULL DEFAULT 0 CHECK(total >= 0),
  error       TEXT NOT NULL DEFAULT '',
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX jobs_template ON jobs(template_id);
CREATE INDEX jobs_concept ON jobs(concept_id);

CREATE TABLE images(
  id                INTEGER PRIMARY KEY,
  job_id            INTEGER REFERENCES jobs(id) ON DELETE CASCADE,
  concept_id        INTEGER REFERENCES concepts(id) ON DELETE SET NULL,
  seed              INTEGER NOT NULL CHECK(seed >= 0),
  sampler           TEXT NOT NULL,
  steps             INTEGER NOT NULL CHECK(steps > 0),
  guidance          REAL NOT NULL,
  width             INTEGER NOT NULL CHECK(width > 0),
  height            INTEGER NOT NULL CHECK(height > 0),
  prompt            TEXT NOT NULL,
  negative_prompt   TEXT NOT NULL DEFAULT '',
  template_values   TEXT NOT NULL DEFAULT '{}',
  base_model_sha256 TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  review            TEXT NOT NULL DEFAULT 'new' CHECK(review IN ('new', 'approved', 'rejected')),
  reviewer          TEXT NOT NULL DEFAULT '',
  reviewed_at       TEXT NOT NULL DEFAULT '',
  png               BLOB NOT NULL
);
CREATE INDEX images_job ON images(job_id);
CREATE INDEX images_concept ON images(concept_id);

-- Append-only: rows are never updated or deleted by Rashisa.
CREATE TABLE audit_log(
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  at      TEXT NOT NULL,
  who     TEXT NOT NULL,
  action  TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
)sql";

// Version 2: training previews (an image and <V>'s cross-attention heat map per stage, step
// and seed), made while a concept trains and removed with it.
constexpr const char* kPreviewsV2 = R"sql(
CREATE TABLE previews(
  id          INTEGER PRIMARY KEY,
  concept_id  INTEGER NOT NULL REFERENCES concepts(id) ON DELETE CASCADE,
  stage       INTEGER NOT NULL CHECK(stage BETWEEN 1 AND 3),
  step        INTEGER NOT NULL CHECK(step >= 0),
  seed        INTEGER NOT NULL CHECK(seed >= 0),
  created_at  TEXT NOT NULL,
  image_png   BLOB NOT NULL,
  heatmap_png BLOB NOT NULL,
  UNIQUE(concept_id, stage, step, seed)
);
)sql";

// Version 3: one example image per prompt template (what the template looks like with a
// product), replaced when made again and removed with the template; it stays when its product
// is removed (the product becomes empty).
constexpr const char* kTemplateExamplesV3 = R"sql(
CREATE TABLE template_examples(
  template_id INTEGER PRIMARY KEY REFERENCES templates(id) ON DELETE CASCADE,
  concept_id  INTEGER REFERENCES concepts(id) ON DELETE SET NULL,
  seed        INTEGER NOT NULL CHECK(seed >= 0),
  created_at  TEXT NOT NULL,
  png         BLOB NOT NULL
);
CREATE INDEX template_examples_concept ON template_examples(concept_id);
)sql";

void create_v1(sqlite3* db) {
  sql::check(db, sqlite3_exec(db, kSchemaV1, nullptr, nullptr, nullptr),
             "Could not create the project's tables");
}

void add_previews_v2(sqlite3* db) {
  sql::check(db, sqlite3_exec(db, kPreviewsV2, nullptr, nullptr, nullptr),
             "Could not add the table of training previews");
}

void add_template_examples_v3(sqlite3* db) {
  sql::check(db, sqlite3_exec(db, kTemplateExamplesV3, nullptr, nullptr, nullptr),
             "Could not add the table of template examples");
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> steps = {
      {"create the schema", &create_v1},
      {"add training previews", &add_previews_v2},
      {"add template examples", &add_template_examples_v3},
  };
  return steps;
}

const std::vector<const char*>& required_tables() {
  static const std::vector<const char*> names = {
      "settings", "blobs",  "blob_chunks", "photos",   "concepts", "concept_photos",
      "templates", "jobs", "images",      "audit_log", "previews", "template_examples"};
  return names;
}

void migrate(sqlite3* db, int from, int to, const std::vector<Migration>& steps,
             const std::function<void(int from)>& before_first_step) {
  if (from >= to) return;
  if (to > static_cast<int>(steps.size()) || from < 0) {
    throw StoreError(StoreFault::Internal, "No migration from project format " +
                                               std::to_string(from) + " to " + std::to_string(to));
  }
  if (before_first_step) before_first_step(from);
  for (int v = from; v < to; ++v) {
    const std::string what = "Could not update the project to format " + std::to_string(v + 1) +
                             " (" + steps[static_cast<std::size_t>(v)].description + ")";
    sql::Transaction tx(db, what.c_str());
    steps[static_cast<std::size_t>(v)].apply(db);
    const std::string set_version = "PRAGMA user_version = " + std::to_string(v + 1);
    sql::check(db, sqlite3_exec(db, set_version.c_str(), nullptr, nullptr, nullptr), what.c_str());
    // foreign_keys cannot change inside a transaction, so a step that rebuilds a table
    // runs with the checks on; verify the whole file before committing anyway.
    sql::Statement fk(db, "PRAGMA foreign_key_check", what.c_str());
    if (fk.step()) {
      throw StoreError(StoreFault::Damaged,
                       what + ": the project's references do not add up (table " + fk.text(0) +
                           "); the file was left at format " + std::to_string(v));
    }
    tx.commit();
  }
}

}  // namespace rashisa::store::schema
