// Project lifecycle: create, open (with the refusals of RELIABILITY.md DB-1/DB-2), close,
// file checks and copies.
#include "engine/store/project.h"

#include "engine/store/file_ops.h"
#include "engine/store/project_impl.h"
#include "engine/store/schema.h"

#include <cstring>

namespace fs = std::filesystem;

namespace rashisa::store {
namespace {

std::string quoted(const fs::path& p) { return "“" + p.u8string() + "”"; }

std::uint32_t be32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

[[noreturn]] void refuse_too_new(const fs::path& path, std::int64_t version) {
  throw StoreError(StoreFault::TooNew,
                   quoted(path) + " was saved by a newer version of Rashisa (project format " +
                       std::to_string(version) + "; this version reads up to " +
                       std::to_string(kSchemaVersion) +
                       "). Update Rashisa to open it. The file was not changed.");
}

[[noreturn]] void refuse_foreign(const fs::path& path, std::int64_t app_id) {
  throw StoreError(StoreFault::Foreign,
                   quoted(path) + " is an SQLite database of another program" +
                       (app_id == 0 ? std::string() : " (application id " + std::to_string(app_id) + ")") +
                       ", not a Rashisa project. The file was not changed.");
}

/// Decides from the raw header, before SQLite touches the file, whether it can be ours.
/// Page 1's magic and application_id never change after creation, so this holds even
/// when a crash left a hot journal behind.
void check_header(const fs::path& path) {
  bool readable = false;
  const auto header = files::read_header(path, readable);
  if (!readable) {
    throw StoreError(StoreFault::ReadOnly,
                     quoted(path) + " cannot be read; check its permissions. The file was not changed.");
  }
  static const char kMagic[16] = "SQLite format 3";  // with its terminating NUL
  if (!header || std::memcmp(header->data(), kMagic, 16) != 0) {
    throw StoreError(StoreFault::NotADatabase,
                     quoted(path) + " is not a Rashisa project (it is " +
                         (header ? "not a database" : "empty or too short to be one") +
                         "). The file was not changed.");
  }
  const std::uint32_t app_id = be32(header->data() + 68);
  if (app_id != static_cast<std::uint32_t>(kApplicationId)) {
    refuse_foreign(path, static_cast<std::int32_t>(app_id));
  }
  const auto version = static_cast<std::int32_t>(be32(header->data() + 60));
  if (version > kSchemaVersion) refuse_too_new(path, version);
  // Bytes 18/19 are 2 in WAL mode, which Rashisa never writes: another program changed it.
  if ((*header)[18] != 1 || (*header)[19] != 1) {
    throw StoreError(StoreFault::Foreign,
                     quoted(path) + " was switched to write-ahead-log mode by another program; "
                                    "Rashisa opens only its own single-file form. The file was not changed.");
  }
}

/// Settings of every connection. None of them writes to a rollback-journal file.
void configure(sqlite3* db, const std::string& what) {
  sqlite3_busy_timeout(db, 3000);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
  sql::check(db,
             sqlite3_exec(db,
                          "PRAGMA foreign_keys = ON;"
                          "PRAGMA secure_delete = ON;"
                          "PRAGMA trusted_schema = OFF;"
                          "PRAGMA cell_size_check = ON;"
                          "PRAGMA mmap_size = 0;"
                          "PRAGMA journal_mode = DELETE;"
                          "PRAGMA synchronous = FULL;",
                          nullptr, nullptr, nullptr),
             what.c_str());
}

FileSettings read_settings(const sql::Connection& c) {
  const char* what = "Could not read the project's settings";
  FileSettings s;
  s.application_id = c.scalar_int("PRAGMA application_id", what);
  s.user_version = static_cast<int>(c.scalar_int("PRAGMA user_version", what));
  s.foreign_keys = c.scalar_int("PRAGMA foreign_keys", what) != 0;
  s.trusted_schema = c.scalar_int("PRAGMA trusted_schema", what) != 0;
  s.secure_delete = c.scalar_int("PRAGMA secure_delete", what) != 0;
  s.cell_size_check = c.scalar_int("PRAGMA cell_size_check", what) != 0;
  s.journal_mode = c.scalar_text("PRAGMA journal_mode", what);
  s.synchronous = static_cast<int>(c.scalar_int("PRAGMA synchronous", what));
  s.page_size = c.scalar_int("PRAGMA page_size", what);
  return s;
}

/// The pragmas must have taken: an SQLite built without one of them is refused.
void assert_settings(const FileSettings& s) {
  if (!s.foreign_keys || s.trusted_schema || !s.secure_delete || !s.cell_size_check ||
      s.journal_mode != "delete" || s.synchronous != 2) {
    throw StoreError(StoreFault::Internal,
                     "This SQLite library ignored a required setting (foreign_keys, "
                     "trusted_schema, secure_delete, cell_size_check, journal_mode or "
                     "synchronous); Rashisa cannot use it safely.");
  }
}

/// Re-checks identity after SQLite had the chance to roll back a hot journal, runs
/// quick_check and makes sure the tables a current file needs are there.
void check_contents(const sql::Connection& c, const fs::path& path) {
  const char* what = "Could not read the project";
  const std::int64_t app_id = c.scalar_int("PRAGMA application_id", what);
  if (app_id != kApplicationId) refuse_foreign(path, app_id);
  const std::int64_t version = c.scalar_int("PRAGMA user_version", what);
  if (version > kSchemaVersion) refuse_too_new(path, version);
  const std::string verdict = c.scalar_text("PRAGMA quick_check(1)", what);
  if (verdict != "ok") {
    throw StoreError(StoreFault::Damaged, quoted(path) +
                                              " is damaged (SQLite quick_check: " + verdict +
                                              "). Open a backup copy. The file was not changed.");
  }
  if (version == kSchemaVersion) {
    sql::Statement s(c.get(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?",
                     what);
    for (const char* table : schema::required_tables()) {
      s.reset();
      s.bind(1, table);
      if (!s.step() || s.int64(0) != 1) {
        throw StoreError(StoreFault::Damaged, quoted(path) + " is missing part of its contents (table " +
                                                  table + "). Open a backup copy. The file was not changed.");
      }
    }
  }
}

/// SQLite ignores a journal whose header was never completed (a crash before the first
/// page of a transaction was journaled) and leaves it beside the file, still holding
/// copies of pages. While this connection holds the write lock no other connection can be
/// using it (a hot journal would already have been rolled back), so it is removed.
void remove_stale_journal(const sql::Connection& c, const fs::path& path, const std::string& what) {
  fs::path journal = path;
  journal += "-journal";
  std::error_code ec;
  if (!fs::exists(journal, ec)) return;
  sql::Transaction tx(c.get(), what.c_str());
  if (fs::exists(journal, ec)) fs::remove(journal, ec);
  tx.commit();
}

/// Copies `src` into `dest` via the backup API: a temporary name, fsync, rename.
void backup_to(sqlite3* src, const fs::path& dest) {
  const std::string what = "Could not save a copy as " + quoted(dest);
  const fs::path tmp = files::temp_beside(dest, "copy");
  try {
    {
      sql::Connection out(tmp.u8string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, what.c_str());
      // The finished file is fsync'ed once below; the temporary needs no syncs of its own.
      out.exec("PRAGMA synchronous = OFF", what.c_str());
      sqlite3_backup* b = sqlite3_backup_init(out.get(), "main", src, "main");
      if (!b) sql::fail(out.get(), sqlite3_errcode(out.get()), what);
      // One step: the source stays read-locked for the whole copy, so the copy is one
      // consistent snapshot even with other writers on the file.
      const int rc = sqlite3_backup_step(b, -1);
      const int rc_finish = sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE) sql::fail(out.get(), rc, what);
      if (rc_finish != SQLITE_OK) sql::fail(out.get(), rc_finish, what);
      out.close();
    }
    files::fsync_file(tmp);
    files::move_replace(tmp, dest);
    files::fsync_dir(dest.parent_path());
  } catch (...) {
    files::remove_quietly(tmp);
    throw;
  }
}

fs::path folder_of(const fs::path& p) {
  return p.parent_path().empty() ? fs::path(".") : p.parent_path();
}

/// Before a read-only open: an older project, or one a crash left with a journal to roll
/// back, needs one writer first. When another program holds it (it keeps the file current)
/// or the place is write-protected, the read-only open goes ahead as it is.
void bring_up_to_date(const fs::path& path) {
  bool readable = false;
  const auto header = files::read_header(path, readable);
  fs::path journal = path;
  journal += "-journal";
  std::error_code ec;
  const bool old = header && static_cast<std::int32_t>(be32(header->data() + 60)) < kSchemaVersion;
  if (!old && !fs::exists(journal, ec)) return;
  try {
    Project::open(path, Project::OpenMode::ReadWrite).close();
  } catch (const StoreError& e) {
    if (e.fault() != StoreFault::InUse && e.fault() != StoreFault::ReadOnly) throw;
  }
}

}  // namespace

Project::Project(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project::Impl& Project::impl() const {
  if (!impl_ || !impl_->db) {
    throw StoreError(StoreFault::Closed, "The project is closed; open it again.");
  }
  return *impl_;
}

void Project::close() noexcept {
  if (!impl_) return;
  impl_->db.close();
  impl_->lease.release();
}

bool Project::is_open() const noexcept { return impl_ && impl_->db; }
bool Project::read_only() const noexcept { return impl_ && impl_->read_only; }

const fs::path& Project::path() const noexcept {
  static const fs::path none;
  return impl_ ? impl_->path : none;
}

void Project::set_actor(std::string who) { impl().actor = who.empty() ? "unknown" : std::move(who); }
const std::string& Project::actor() const noexcept {
  static const std::string none;
  return impl_ ? impl_->actor : none;
}

Project Project::create(const fs::path& path) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    throw StoreError(StoreFault::AlreadyExists,
                     quoted(path) + " already exists. Choose another name; Rashisa never "
                                    "overwrites a file when it creates a project.");
  }
  const fs::path dir = folder_of(path);
  if (!fs::is_directory(dir, ec)) {
    throw StoreError(StoreFault::Missing, "The folder " + quoted(dir) + " does not exist.");
  }
  const std::string what = "Could not create the project " + quoted(path);
  const fs::path tmp = files::temp_beside(path, "creating");
  try {
    {
      sql::Connection c(tmp.u8string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, what.c_str());
      configure(c.get(), what);
      // Before the first table: lets compact() hand freed pages (a training checkpoint can be
      // gigabytes) back to the file system without rewriting the whole file.
      c.exec("PRAGMA auto_vacuum = INCREMENTAL", what.c_str());
      c.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str(), what.c_str());
      schema::migrate(c.get(), 0, kSchemaVersion, schema::migrations(), nullptr);
      sql::Transaction tx(c.get(), what.c_str());
      detail::audit(c.get(), files::os_user_name(), "project.create",
                    {{"format", kSchemaVersion}});
      tx.commit();
    }
    files::fsync_file(tmp);
    if (!files::move_no_replace(tmp, path)) {
      files::remove_quietly(tmp);
      throw StoreError(StoreFault::AlreadyExists,
                       quoted(path) + " appeared while the project was being created; choose another name.");
    }
    files::fsync_dir(dir);
  } catch (...) {
    files::remove_quietly(tmp);
    throw;
  }
  return open(path);
}

Project Project::open(const fs::path& path, OpenMode mode) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) {
    throw StoreError(StoreFault::Missing,
                     quoted(path) + " does not exist. It may have been moved, renamed or deleted.");
  }
  if (fs::is_directory(st)) {
    throw StoreError(StoreFault::NotADatabase, quoted(path) + " is a folder, not a Rashisa project file.");
  }
  check_header(path);
  const bool read_only = mode == OpenMode::ReadOnly;
  if (read_only) bring_up_to_date(path);

  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->actor = files::os_user_name();
  impl->read_only = read_only;
  if (!read_only) impl->lease = ProjectLease::acquire(path);
  const std::string what = "Could not open " + quoted(path);
  // Without CREATE: SQLite fails instead of making a new file if the path vanished since
  // the check above.
  impl->db = sql::Connection(path.u8string(), read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                             what.c_str());
  if (!read_only && sqlite3_db_readonly(impl->get(), "main") == 1) {
    throw StoreError(StoreFault::ReadOnly,
                     quoted(path) + " is write-protected. Change its permissions, or copy it to a "
                                    "folder you can write to, and open the copy.");
  }
  configure(impl->get(), what);
  if (read_only) impl->db.exec("PRAGMA query_only = ON", what.c_str());
  check_contents(impl->db, path);
  if (read_only) {
    assert_settings(read_settings(impl->db));
    return Project(std::move(impl));
  }
  remove_stale_journal(impl->db, path, what);
  const int version = static_cast<int>(impl->db.scalar_int("PRAGMA user_version", what.c_str()));
  if (version < kSchemaVersion) {
    sqlite3* db = impl->get();
    schema::migrate(db, version, kSchemaVersion, schema::migrations(), [&](int from) {
      if (from < 1) return;  // nothing to keep in a file without a schema
      fs::path bak = path;
      bak += ".v" + std::to_string(from) + ".bak";
      backup_to(db, bak);
    });
    sql::Transaction tx(db, what.c_str());
    detail::audit(db, impl->actor, "project.migrate", {{"from", version}, {"to", kSchemaVersion}});
    tx.commit();
    check_contents(impl->db, path);
  }
  assert_settings(read_settings(impl->db));
  return Project(std::move(impl));
}

FileSettings Project::file_settings() const { return read_settings(impl().db); }

std::int64_t Project::compact() {
  const auto& c = impl().db;
  const char* what = "Could not compact the project file";
  const std::int64_t before = c.scalar_int("PRAGMA page_count", what);
  if (c.scalar_int("PRAGMA auto_vacuum", what) == 2) {
    c.exec("PRAGMA incremental_vacuum", what);
  } else if (c.scalar_int("PRAGMA freelist_count", what) > 0) {
    // A file made before incremental auto-vacuum: one full VACUUM (crash-safe through the
    // rollback journal; it copies only live pages) switches it over, so later calls are cheap.
    // VACUUM builds the copy in an attached temporary database, so attaching is allowed for
    // this one statement only (it is otherwise off; see configure()).
    struct AttachOnce {  // restores the limit however VACUUM ends
      sqlite3* db;
      explicit AttachOnce(sqlite3* d) : db(d) { sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 1); }
      ~AttachOnce() { sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0); }
    };
    c.exec("PRAGMA auto_vacuum = INCREMENTAL", what);
    const AttachOnce attach(c.get());
    c.exec("VACUUM", what);
  }
  return (before - c.scalar_int("PRAGMA page_count", what)) * c.scalar_int("PRAGMA page_size", what);
}

std::optional<std::string> Project::try_compact() noexcept {
  try {
    compact();
    return std::nullopt;
  } catch (const std::exception& e) {
    return std::string(e.what());
  } catch (...) {
    return std::string("unknown error");
  }
}

bool Project::integrity_ok() const {
  const auto& c = impl().db;
  const char* what = "Could not check the project";
  sql::Statement ic(c.get(), "PRAGMA integrity_check(1)", what);
  if (!ic.step() || ic.text(0) != "ok") return false;
  sql::Statement fk(c.get(), "PRAGMA foreign_key_check", what);
  return !fk.step();
}

void Project::save_copy(const fs::path& dest) const {
  const Impl& im = impl();
  std::error_code ec;
  if (fs::exists(dest, ec)) {
    if (fs::equivalent(dest, im.path, ec)) {
      throw StoreError(StoreFault::Invalid, "A copy cannot replace the project it is copied from.");
    }
    if (fs::is_directory(dest, ec)) {
      throw StoreError(StoreFault::Invalid, quoted(dest) + " is a folder; choose a file name.");
    }
  }
  if (!fs::is_directory(folder_of(dest), ec)) {
    throw StoreError(StoreFault::Missing, "The folder " + quoted(folder_of(dest)) + " does not exist.");
  }
  backup_to(im.get(), dest);
}

// ---- base model ------------------------------------------------------------------------

void Project::set_base_model(const BaseModelRef& model) {
  sqlite3* db = impl().get();
  const char* what = "Could not save the base model";
  sql::Transaction tx(db, what);
  sql::Statement s(db, "INSERT INTO settings(key, value) VALUES(?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", what);
  s.bind(1, "base_model.path").bind(2, model.path).run();
  s.reset();
  s.bind(1, "base_model.sha256").bind(2, model.sha256).run();
  detail::audit(db, impl().actor, "model.set", {{"path", model.path}, {"sha256", model.sha256}});
  tx.commit();
}

BaseModelRef Project::base_model() const {
  sql::Statement s(impl().get(),
                   "SELECT key, value FROM settings WHERE key IN ('base_model.path', 'base_model.sha256')",
                   "Could not read the base model");
  BaseModelRef m;
  while (s.step()) {
    (s.text(0) == "base_model.path" ? m.path : m.sha256) = s.text(1);
  }
  return m;
}

}  // namespace rashisa::store

namespace rashisa::store {

// ---- front-end values ------------------------------------------------------------------

namespace {

void check_setting_key(const std::string& key) {
  if (key.size() < 4 || key.size() > 64 || key.compare(0, 3, "ui.") != 0)
    throw StoreError(StoreFault::Invalid, "A front-end setting needs a key of the form ui.<name> (at most 64 bytes).");
}

}  // namespace

void Project::set_setting(const std::string& key, const std::string& value) {
  check_setting_key(key);
  if (value.size() > (std::size_t{64} << 10))
    throw StoreError(StoreFault::Invalid, "The setting " + key + " is too long (at most 64 KiB).");
  sqlite3* db = impl().get();
  const char* what = "Could not save a setting";
  if (value.empty()) {
    sql::Statement s(db, "DELETE FROM settings WHERE key = ?", what);
    s.bind(1, key).run();
    return;
  }
  sql::Statement s(db, "INSERT INTO settings(key, value) VALUES(?, ?) "
                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value", what);
  s.bind(1, key).bind(2, value).run();
}

std::string Project::setting(const std::string& key) const {
  check_setting_key(key);
  sql::Statement s(impl().get(), "SELECT value FROM settings WHERE key = ?", "Could not read a setting");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

}  // namespace rashisa::store
