// Argument checks shared by the parts of Project: clear messages before SQLite's
// constraints would give a terse one.
#include "engine/store/project_impl.h"

namespace rashisa::store {

namespace detail {

void require(bool ok, const std::string& message) {
  if (!ok) throw StoreError(StoreFault::Invalid, message);
}

void not_found(const char* kind, std::int64_t id) {
  throw StoreError(StoreFault::NotFound, std::string(kind) + " " + std::to_string(id) +
                                             " is not in this project (it may have been deleted).");
}

void require_row(sqlite3* db, const char* table, const char* kind, std::int64_t id) {
  const std::string q = std::string("SELECT 1 FROM ") + table + " WHERE id = ?";
  sql::Statement s(db, q.c_str(), "Could not read the project");
  s.bind(1, id);
  if (!s.step()) not_found(kind, id);
}

void require_json(sqlite3* db, const std::string& json, const char* field, bool object) {
  // CASE evaluates lazily: json_type() raises on text that is not JSON.
  sql::Statement s(db,
                   "SELECT CASE WHEN json_valid(?1) THEN (?2 = 0 OR json_type(?1) = 'object') "
                   "ELSE 0 END",
                   "Could not check JSON");
  s.bind(1, json).bind(2, object ? 1 : 0);
  const bool ok = s.step() && s.int64(0) == 1;
  require(ok, std::string("The ") + field + " must be valid JSON" + (object ? " object." : "."));
}

}  // namespace detail
}  // namespace rashisa::store
