#pragma once
// Private to engine/store: thin RAII wrappers over the SQLite C API, and the one place
// where SQLite result codes become StoreErrors.
#include "engine/store/store_error.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::store::sql {

/// Fault for an SQLite (extended) result code; `sys_errno` is sqlite3_system_errno().
StoreFault fault_of(int rc, int sys_errno) noexcept;

/// Throws the StoreError for `rc`: "<what>: <advice> (SQLite: <message>)".
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what);

/// Throws unless rc is SQLITE_OK, SQLITE_ROW or SQLITE_DONE.
inline void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) fail(db, rc, what);
}

/// Owns one connection. Closing waits for nothing: statements are finalised by their
/// owners first (sqlite3_close_v2 defers the close otherwise).
class Connection {
 public:
  Connection() = default;
  /// sqlite3_open_v2 with SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOMUTEX added to `flags`.
  Connection(const std::string& utf8_path, int flags, const char* what);
  Connection(Connection&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Connection& operator=(Connection&& o) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { close(); }

  void close() noexcept;
  sqlite3* get() const noexcept { return db_; }
  explicit operator bool() const noexcept { return db_ != nullptr; }

  /// Runs statements without results.
  void exec(const char* sql_text, const char* what) const;
  std::int64_t scalar_int(const char* sql_text, const char* what) const;
  std::string scalar_text(const char* sql_text, const char* what) const;

 private:
  sqlite3* db_ = nullptr;
};

/// One prepared statement. Bind indices are 1-based; column indices 0-based.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql_text, const char* what);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int i, std::int64_t v);
  Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Statement& bind(int i, double v);
  Statement& bind(int i, const std::string& v);
  Statement& bind(int i, const char* v) { return bind(i, std::string(v)); }
  Statement& bind(int i, const std::optional<std::int64_t>& v);
  Statement& bind_blob(int i, const void* data, std::size_t size);
  Statement& bind_null(int i);

  /// True when a row is ready; false when done.
  bool step();
  /// Steps a statement that returns no rows.
  void run();
  void reset();

  bool is_null(int c) const;
  std::int64_t int64(int c) const;
  int int32(int c) const { return static_cast<int>(int64(c)); }
  double real(int c) const;
  std::string text(int c) const;
  std::optional<std::int64_t> opt_int64(int c) const;
  std::vector<std::uint8_t> blob(int c) const;
  /// Bytes of a BLOB/TEXT column without reading it into a vector.
  std::size_t size(int c) const;
  const void* blob_data(int c) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const char* what_;
};

/// BEGIN IMMEDIATE ... COMMIT; rolls back in the destructor unless committed. IMMEDIATE
/// takes the write lock up front, so a transaction never fails half-way on a lock upgrade.
/// A Read transaction (BEGIN DEFERRED) gives several SELECTs one consistent snapshot.
class Transaction {
 public:
  enum class Mode { Write, Read };
  Transaction(sqlite3* db, const char* what, Mode mode = Mode::Write);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  sqlite3* db_;
  const char* what_;
  bool open_ = false;
};

/// Current UTC time, ISO 8601 with milliseconds.
std::string now_utc();

}  // namespace rashisa::store::sql
