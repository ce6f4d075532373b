// DB-4: migrations run one step per transaction, so a failing or killed step leaves the
// file at the last completed version. Uses the private schema/sql headers of engine/store.
#include "engine/store/project.h"
#include "engine/store/schema.h"
#include "engine/store/sql.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

namespace rashisa::store {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

void add_extra_table(sqlite3* db) {
  sql::check(db, sqlite3_exec(db, "CREATE TABLE extra(x INTEGER)", nullptr, nullptr, nullptr), "extra");
}

void fail_half_way(sqlite3* db) {
  sql::check(db, sqlite3_exec(db, "CREATE TABLE half(x)", nullptr, nullptr, nullptr), "half");
  throw StoreError(StoreFault::Internal, "step failed on purpose");
}

void dangling_reference(sqlite3* db) {
  // The connection has foreign_keys off (the default), so only migrate()'s check sees it.
  sql::check(db, sqlite3_exec(db, "INSERT INTO concept_photos VALUES(77, 88)", nullptr, nullptr, nullptr),
             "dangling");
}

std::vector<schema::Migration> test_steps(void (*third)(sqlite3*)) {
  return {schema::migrations().at(0), {"add extra", &add_extra_table}, {"third", third}};
}

std::int64_t user_version(const sql::Connection& c) { return c.scalar_int("PRAGMA user_version", "test"); }
bool has_table(const sql::Connection& c, const std::string& name) {
  sql::Statement s(c.get(), "SELECT 1 FROM sqlite_schema WHERE name = ?", "test");
  s.bind(1, name);
  return s.step();
}

TEST(StoreMigrate, StepsAreTransactionsAndTheBackupHookRunsOnce) {
  TempDir dir("migrate");
  sql::Connection c((dir / "m.db").string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "test");
  std::vector<int> hook_calls;
  const auto hook = [&](int from) { hook_calls.push_back(from); };

  const auto steps = test_steps(&fail_half_way);
  schema::migrate(c.get(), 0, 2, steps, hook);
  EXPECT_EQ(user_version(c), 2);
  EXPECT_TRUE(has_table(c, "extra"));
  EXPECT_TRUE(has_table(c, "photos"));
  EXPECT_EQ(hook_calls, std::vector<int>{0});

  schema::migrate(c.get(), 2, 2, steps, hook);  // nothing to do: no hook
  EXPECT_EQ(hook_calls.size(), 1u);

  EXPECT_THROW(schema::migrate(c.get(), 2, 3, steps, hook), StoreError);
  EXPECT_EQ(user_version(c), 2);
  EXPECT_FALSE(has_table(c, "half"));  // the failed step's DDL was rolled back
  EXPECT_EQ(hook_calls, (std::vector<int>{0, 2}));

  try {
    schema::migrate(c.get(), 2, 3, test_steps(&dangling_reference), nullptr);
    ADD_FAILURE() << "a step that breaks references must not commit";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.fault(), StoreFault::Damaged) << e.what();
  }
  EXPECT_EQ(user_version(c), 2);
  EXPECT_EQ(c.scalar_int("SELECT count(*) FROM concept_photos", "test"), 0);

  EXPECT_THROW(schema::migrate(c.get(), 0, 4, steps, hook), StoreError);  // no such step
}

TEST(StoreMigrate, ThisBuildHasOneStepPerVersion) {
  EXPECT_EQ(static_cast<int>(schema::migrations().size()), kSchemaVersion);
}

void stuck_step(sqlite3* db) {
  // Enough rows to spill the (tiny) page cache into the database file, then wait to be
  // killed with the transaction open and the file half-changed.
  sql::check(db,
             sqlite3_exec(db,
                          "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                          "INSERT INTO settings(key, value) SELECT 'k' || i, hex(randomblob(200)) FROM n",
                          nullptr, nullptr, nullptr),
             "stuck");
  const char ready = 'r';
  if (::write(3, &ready, 1) != 1) _exit(5);
  for (;;) ::pause();
}

TEST(StoreMigrate, KillDuringAStepLeavesTheOldVersionOpenable) {
  TempDir dir("migrate_kill");
  const fs::path path = dir / "k.rashisa";
  {
    Project p = Project::create(path);
    p.set_base_model({"/m", "h"});
  }
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::close(fds[0]);
    if (::dup2(fds[1], 3) < 0) _exit(6);
    try {
      sql::Connection c(path.string(), SQLITE_OPEN_READWRITE, "child");
      c.exec("PRAGMA cache_size = 2; PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL", "child");
      std::vector<schema::Migration> steps = schema::migrations();
      steps.push_back({"stuck", &stuck_step});
      schema::migrate(c.get(), kSchemaVersion, kSchemaVersion + 1, steps, nullptr);
    } catch (...) {
    }
    _exit(7);
  }
  ::close(fds[1]);
  char ready = 0;
  ASSERT_EQ(::read(fds[0], &ready, 1), 1) << "child did not reach the middle of the step";
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status));

  fs::path journal = path;
  journal += "-journal";
  EXPECT_TRUE(fs::exists(journal)) << "the kill should leave a hot journal";
  Project p = Project::open(path);  // rolls the journal back
  EXPECT_EQ(p.file_settings().user_version, kSchemaVersion);
  EXPECT_TRUE(p.integrity_ok());
  EXPECT_EQ(p.base_model().path, "/m");
  p.close();
  testing::RawDb raw(path, SQLITE_OPEN_READONLY);
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM settings"), 2);
  EXPECT_FALSE(fs::exists(journal));
}

}  // namespace
}  // namespace rashisa::store
