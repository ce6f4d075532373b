#pragma once
// Private to engine/store: the schema as a table of forward migrations, one function per
// step (step i takes user_version i to i + 1; step 0 creates the schema).
#include <sqlite3.h>

#include <functional>
#include <vector>

namespace rashisa::store::schema {

struct Migration {
  const char* description;
  void (*apply)(sqlite3* db);
};

/// The steps of this build; size() == kSchemaVersion.
const std::vector<Migration>& migrations();

/// Runs steps[from] .. steps[to - 1], each in its own transaction that also sets
/// user_version and checks foreign keys, so a crash leaves the last completed version.
/// `before_first_step(from)` runs once before any step (e.g. to save a backup).
/// Throws StoreError; on failure the file stays at the last completed version.
void migrate(sqlite3* db, int from, int to, const std::vector<Migration>& steps,
             const std::function<void(int from)>& before_first_step);

/// Tables every current project must have (for the open-time sanity check).
const std::vector<const char*>& required_tables();

}  // namespace rashisa::store::schema
