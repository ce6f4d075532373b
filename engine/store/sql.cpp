#include "engine/store/sql.h"

#include "engine/core/space_advice.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace rashisa::store::sql {

StoreFault fault_of(int rc, int sys_errno) noexcept {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreFault::Busy;
    case SQLITE_FULL: return StoreFault::DiskFull;
    case SQLITE_READONLY:
    case SQLITE_PERM: return StoreFault::ReadOnly;
    case SQLITE_CORRUPT: return StoreFault::Damaged;
    case SQLITE_NOTADB: return StoreFault::NotADatabase;
    case SQLITE_CONSTRAINT:
      return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StoreFault::Duplicate
                 : StoreFault::Constraint;
    case SQLITE_TOOBIG:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: return StoreFault::Invalid;
    case SQLITE_CANTOPEN:
      return sys_errno == ENOENT ? StoreFault::Missing
             : (sys_errno == EACCES || sys_errno == EROFS) ? StoreFault::ReadOnly
                                                            : StoreFault::Io;
    case SQLITE_IOERR:
      // A file size limit or a full disk can surface as a failed write rather than
      // SQLITE_FULL, depending on how far the write got.
      if (sys_errno == ENOSPC || sys_errno == EFBIG
#ifdef EDQUOT
          || sys_errno == EDQUOT
#endif
      )
        return StoreFault::DiskFull;
      if (sys_errno == EROFS || sys_errno == EACCES) return StoreFault::ReadOnly;
      return StoreFault::Io;
    default: return StoreFault::Internal;
  }
}

namespace {

const char* advice(StoreFault f) {
  switch (f) {
    case StoreFault::Busy:
      return "another program is using the project file; close it there and try again";
    case StoreFault::DiskFull:
      return "the disk is full; free some space and try again (the change was not saved)";
    case StoreFault::ReadOnly:
      return "the project file or its folder is write-protected; change its permissions or "
             "save a copy elsewhere";
    case StoreFault::Damaged:
      return "the project file is damaged; open a backup copy of it";
    case StoreFault::NotADatabase: return "the file is not a Rashisa project";
    case StoreFault::Duplicate: return "it is already in the project";
    case StoreFault::Constraint: return "the change conflicts with the project's contents";
    case StoreFault::Invalid: return "the value cannot be stored";
    case StoreFault::Missing: return "the file or its folder does not exist";
    case StoreFault::Io:
      return "the disk reported an error; check the drive and try again";
    default: return "this is a bug in Rashisa; please report it";
  }
}

}  // namespace

void fail(sqlite3* db, int rc, const std::string& what) {
  int sys = db ? sqlite3_system_errno(db) : 0;
  if (db && (rc & 0xff) == SQLITE_IOERR) {
    // sqlite3_system_errno() reads the global errno after SQLite's own clean-up; the
    // database file remembers the errno of its failed write (EFBIG, ENOSPC...).
    int file_errno = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &file_errno) == SQLITE_OK &&
        file_errno != 0) {
      sys = file_errno;
    }
  }
  const StoreFault f = fault_of(rc, sys);
  // A full or read-only disk: name the project's folder, so the user knows where to act.
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const bool name_folder = file && *file && (f == StoreFault::DiskFull || f == StoreFault::ReadOnly);
  const std::filesystem::path folder = name_folder ? folder_of(std::filesystem::u8path(file)) : std::filesystem::path();
  std::string msg = what + ": " +
                    (!name_folder                 ? std::string(advice(f))
                     : f == StoreFault::DiskFull ? disk_full_advice(folder, 0, "save this change")
                                                 : read_only_advice(folder, "save this change")) +
                    " (SQLite: ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (sys != 0 && (f == StoreFault::Io || f == StoreFault::DiskFull)) {
    msg += ", errno " + std::to_string(sys);
  }
  msg += ")";
  throw StoreError(f, msg);
}

// ---- Connection ----------------------------------------------------------------------

Connection::Connection(const std::string& utf8_path, int flags, const char* what) {
  const int rc = sqlite3_open_v2(utf8_path.c_str(), &db_,
                                 flags | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    // The handle carries the message and errno even when the open failed.
    try {
      fail(db_, rc, what);
    } catch (...) {
      close();
      throw;
    }
  }
}

Connection& Connection::operator=(Connection&& o) noexcept {
  if (this != &o) {
    close();
    db_ = o.db_;
    o.db_ = nullptr;
  }
  return *this;
}

void Connection::close() noexcept {
  if (db_) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

void Connection::exec(const char* sql_text, const char* what) const {
  check(db_, sqlite3_exec(db_, sql_text, nullptr, nullptr, nullptr), what);
}

std::int64_t Connection::scalar_int(const char* sql_text, const char* what) const {
  Statement s(db_, sql_text, what);
  if (!s.step()) throw StoreError(StoreFault::Internal, std::string(what) + ": no result");
  return s.int64(0);
}

std::string Connection::scalar_text(const char* sql_text, const char* what) const {
  Statement s(db_, sql_text, what);
  if (!s.step()) throw StoreError(StoreFault::Internal, std::string(what) + ": no result");
  return s.text(0);
}

// ---- Statement -----------------------------------------------------------------------

Statement::Statement(sqlite3* db, const char* sql_text, const char* what) : db_(db), what_(what) {
  check(db_, sqlite3_prepare_v2(db_, sql_text, -1, &stmt_, nullptr), what_);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int i, std::int64_t v) {
  check(db_, sqlite3_bind_int64(stmt_, i, v), what_);
  return *this;
}

Statement& Statement::bind(int i, double v) {
  check(db_, sqlite3_bind_double(stmt_, i, v), what_);
  return *this;
}

Statement& Statement::bind(int i, const std::string& v) {
  check(db_, sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        what_);
  return *this;
}

Statement& Statement::bind(int i, const std::optional<std::int64_t>& v) {
  return v ? bind(i, *v) : bind_null(i);
}

Statement& Statement::bind_blob(int i, const void* data, std::size_t size) {
  // A zero-length blob is still a BLOB (not NULL): sqlite3_bind_zeroblob gives that.
  const int rc = size == 0 ? sqlite3_bind_zeroblob(stmt_, i, 0)
                           : sqlite3_bind_blob64(stmt_, i, data, size, SQLITE_STATIC);
  check(db_, rc, what_);
  return *this;
}

Statement& Statement::bind_null(int i) {
  check(db_, sqlite3_bind_null(stmt_, i), what_);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail(db_, rc, what_);
}

void Statement::run() {
  if (step()) {
    throw StoreError(StoreFault::Internal, std::string(what_) + ": unexpected result row");
  }
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int c) const { return sqlite3_column_type(stmt_, c) == SQLITE_NULL; }
std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(stmt_, c); }
double Statement::real(int c) const { return sqlite3_column_double(stmt_, c); }

std::string Statement::text(int c) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, c));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c))) : std::string();
}

std::optional<std::int64_t> Statement::opt_int64(int c) const {
  if (is_null(c)) return std::nullopt;
  return int64(c);
}

std::vector<std::uint8_t> Statement::blob(int c) const {
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, c));
  const int n = sqlite3_column_bytes(stmt_, c);
  if (!p && n > 0) fail(db_, sqlite3_errcode(db_), what_);  // out of memory reading it
  return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

std::size_t Statement::size(int c) const {
  return static_cast<std::size_t>(sqlite3_column_bytes(stmt_, c));
}

const void* Statement::blob_data(int c) const { return sqlite3_column_blob(stmt_, c); }

// ---- Transaction ---------------------------------------------------------------------

Transaction::Transaction(sqlite3* db, const char* what, Mode mode) : db_(db), what_(what) {
  const char* begin = mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
  check(db_, sqlite3_exec(db_, begin, nullptr, nullptr, nullptr), what_);
  open_ = true;
}

Transaction::~Transaction() {
  // After a failed COMMIT SQLite may already have rolled back (disk full, I/O error).
  if (open_ && !sqlite3_get_autocommit(db_)) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  const int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(db_, rc, what_);
  open_ = false;
}

std::string now_utc() {
  using namespace std::chrono;
  const auto t = system_clock::now();
  const std::time_t secs = system_clock::to_time_t(t);
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count() % 1000;
  std::tm tm{};
#ifdef _WIN32
  gmtime_s(&tm, &secs);
#else
  gmtime_r(&secs, &tm);
#endif
  char buf[64];  // room for any int the compiler imagines in tm
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms < 0 ? ms + 1000 : ms));
  return buf;
}

}  // namespace rashisa::store::sql
