#pragma once
// Private to engine/store: the state behind a Project and helpers its parts share.
#include "engine/store/project.h"
#include "engine/store/project_lease.h"
#include "engine/store/sql.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <utility>

namespace rashisa::store {

struct Project::Impl {
  ProjectLease lease;  // first member: released after the connection closes
  sql::Connection db;
  std::filesystem::path path;
  std::string actor;
  bool read_only = false;

  sqlite3* get() const noexcept { return db.get(); }
};

namespace detail {

/// One field of an audit entry's details: a string or an integer.
struct AuditField {
  AuditField(const char* k, std::string v) : key(k), text(std::move(v)), is_text(true) {}
  AuditField(const char* k, const char* v) : key(k), text(v), is_text(true) {}
  AuditField(const char* k, std::int64_t v) : key(k), number(v) {}
  AuditField(const char* k, int v) : key(k), number(v) {}
  AuditField(const char* k, const std::optional<std::int64_t>& v)
      : key(k), number(v.value_or(0)), is_null(!v) {}
  const char* key;
  std::string text;
  std::int64_t number = 0;
  bool is_text = false;
  bool is_null = false;
};

/// JSON string literal (with quotes) for UTF-8 text.
std::string json_quote(const std::string& s);
/// "[1,2,3]"
std::string json_int_array(const std::vector<std::int64_t>& values);
/// Parses what json_int_array wrote (whitespace allowed); Damaged otherwise.
std::vector<std::int64_t> parse_int_array(const std::string& json, const char* field);

/// Appends one audit entry; call inside the change's transaction.
void audit(sqlite3* db, const std::string& who, const char* action,
           std::initializer_list<AuditField> details);
void audit_json(sqlite3* db, const std::string& who, const std::string& action,
                const std::string& details_json);

/// Throws NotFound: "<kind> <id> is not in this project".
[[noreturn]] void not_found(const char* kind, std::int64_t id);
/// Throws NotFound unless the row exists.
void require_row(sqlite3* db, const char* table, const char* kind, std::int64_t id);

/// Throws Invalid unless `json` is valid JSON (of an object when `object` is set).
void require_json(sqlite3* db, const std::string& json, const char* field, bool object);

/// Throws Invalid with `message` unless `ok`.
void require(bool ok, const std::string& message);

// ---- chunked blobs (blobs.cpp) ---------------------------------------------------------

/// Reads up to `capacity` bytes into `buffer`; returns how many, 0 at the end.
using ByteSource = std::function<std::size_t(std::uint8_t* buffer, std::size_t capacity)>;
/// Receives the bytes of a blob in order.
using ByteSink = std::function<void(const std::uint8_t* data, std::size_t size)>;

/// Stores a new blob from `source` in chunks of kBlobChunkSize; returns its id. Call
/// inside a transaction.
std::int64_t put_blob(sqlite3* db, const ByteSource& source);
/// Streams a blob to `sink`; verifies chunk order, size and sha256 (Damaged otherwise).
void read_blob(sqlite3* db, std::int64_t blob_id, const ByteSink& sink);
std::int64_t blob_size(sqlite3* db, std::int64_t blob_id);

ByteSource source_of(const Bytes& bytes);
ByteSource source_of(std::istream& in);

}  // namespace detail
}  // namespace rashisa::store
