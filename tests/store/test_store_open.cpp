// DB-1 identity and DB-2 pragmas (RELIABILITY.md section 2): what open() and create()
// accept, what they refuse with which fault, and that a refused file is never changed
// or created.
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <functional>

namespace rashisa::store {
namespace {

using testing::RawDb;
using testing::TempDir;
namespace fs = std::filesystem;

/// Runs `f`, expecting a StoreError with `fault`; returns its message.
std::string expect_fault(StoreFault fault, const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    EXPECT_EQ(fault_name(e.fault()), std::string(fault_name(fault))) << e.what();
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "expected StoreError(" << fault_name(fault) << "), got " << e.what();
    return {};
  }
  ADD_FAILURE() << "expected StoreError(" << fault_name(fault) << "), nothing thrown";
  return {};
}

/// open() must refuse `path` with `fault` and leave its bytes and its folder as they were.
void expect_refused_unchanged(const fs::path& path, StoreFault fault) {
  const std::string before = testing::file_sha256(path);
  std::vector<fs::path> entries_before;
  for (const auto& e : fs::directory_iterator(path.parent_path())) entries_before.push_back(e.path());
  const std::string msg = expect_fault(fault, [&] { Project::open(path); });
  EXPECT_NE(msg.find(path.filename().string()), std::string::npos) << "message names the file: " << msg;
  EXPECT_EQ(testing::file_sha256(path), before) << "refused file was modified";
  std::vector<fs::path> entries_after;
  for (const auto& e : fs::directory_iterator(path.parent_path())) entries_after.push_back(e.path());
  std::sort(entries_before.begin(), entries_before.end());
  std::sort(entries_after.begin(), entries_after.end());
  EXPECT_EQ(entries_after, entries_before) << "open() left a file behind (journal?)";
}

void expect_current_settings(const FileSettings& s) {
  EXPECT_EQ(s.application_id, kApplicationId);
  EXPECT_EQ(s.user_version, kSchemaVersion);
  EXPECT_TRUE(s.foreign_keys);
  EXPECT_FALSE(s.trusted_schema);
  EXPECT_TRUE(s.secure_delete);
  EXPECT_TRUE(s.cell_size_check);
  EXPECT_EQ(s.journal_mode, "delete");
  EXPECT_EQ(s.synchronous, 2);  // FULL
}

TEST(StoreOpen, NewProjectHasIdentityAndPragmas) {
  TempDir dir("identity");
  const fs::path path = dir / "new.rashisa";
  {
    Project p = Project::create(path);
    expect_current_settings(p.file_settings());
    EXPECT_TRUE(p.integrity_ok());
    ASSERT_EQ(p.audit_log().size(), 1u);
    EXPECT_EQ(p.audit_log()[0].action, "project.create");
  }
  // application_id is big-endian at offset 68, user_version at 60 (so file(1) can tell).
  const Bytes b = testing::read_all(path);
  ASSERT_GE(b.size(), 100u);
  EXPECT_EQ(b[68], 'R');
  EXPECT_EQ(b[69], 'S');
  EXPECT_EQ(b[70], 'H');
  EXPECT_EQ(b[71], '1');
  EXPECT_EQ(b[63], kSchemaVersion);
  // Re-opened: the per-connection pragmas are set again.
  Project p = Project::open(path);
  expect_current_settings(p.file_settings());
  p.close();
  EXPECT_FALSE(p.is_open());
  expect_fault(StoreFault::Closed, [&] { p.list_photos(); });
  // Only the project itself is left in the folder: no temporary, no journal.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path())) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"new.rashisa"});
}

TEST(StoreOpen, CreateRefusesExistingPathAndMissingFolder) {
  TempDir dir("create");
  const fs::path path = dir / "exists.rashisa";
  testing::write_all(path, Bytes{'h', 'e', 'l', 'l', 'o'});
  const std::string before = testing::file_sha256(path);
  expect_fault(StoreFault::AlreadyExists, [&] { Project::create(path); });
  EXPECT_EQ(testing::file_sha256(path), before);

  Project::create(dir / "p.rashisa").close();
  const std::string before2 = testing::file_sha256(dir / "p.rashisa");
  expect_fault(StoreFault::AlreadyExists, [&] { Project::create(dir / "p.rashisa"); });
  EXPECT_EQ(testing::file_sha256(dir / "p.rashisa"), before2);

  expect_fault(StoreFault::Missing, [&] { Project::create(dir / "no_such_folder" / "x.rashisa"); });
  EXPECT_FALSE(fs::exists(dir / "no_such_folder"));
  // Nothing but the two files.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2);
}

TEST(StoreOpen, MissingPathIsRefusedAndNotCreated) {
  TempDir dir("missing");
  const fs::path path = dir / "nothing.rashisa";
  const std::string msg = expect_fault(StoreFault::Missing, [&] { Project::open(path); });
  EXPECT_NE(msg.find("nothing.rashisa"), std::string::npos);
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(dir / "nothing.rashisa-journal"));
  expect_fault(StoreFault::Missing, [&] { Project::open(dir / "no" / "such.rashisa"); });
  EXPECT_FALSE(fs::exists(dir / "no"));
  EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(StoreOpen, RandomBytesAreNotADatabase) {
  TempDir dir("random");
  std::mt19937_64 rng(1);
  const fs::path path = dir / "noise.rashisa";
  testing::write_all(path, testing::random_bytes(rng, 64 * 1024));
  expect_refused_unchanged(path, StoreFault::NotADatabase);
}

TEST(StoreOpen, EmptyAndTinyFilesAreNotADatabase) {
  TempDir dir("empty");
  // SQLite itself would treat a 0-byte file as a new empty database and start writing it.
  testing::write_all(dir / "empty.rashisa", Bytes{});
  expect_refused_unchanged(dir / "empty.rashisa", StoreFault::NotADatabase);
  testing::write_all(dir / "tiny.rashisa", Bytes{'S', 'Q', 'L', 'i', 't', 'e'});
  expect_refused_unchanged(dir / "tiny.rashisa", StoreFault::NotADatabase);
  fs::create_directory(dir / "folder.rashisa");
  expect_fault(StoreFault::NotADatabase, [&] { Project::open(dir / "folder.rashisa"); });
}

TEST(StoreOpen, ForeignSqliteFilesAreRefused) {
  TempDir dir("foreign");
  const fs::path plain = dir / "plain.db";
  {
    RawDb db(plain);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES(1);");
  }
  expect_refused_unchanged(plain, StoreFault::Foreign);

  const fs::path other = dir / "other.db";
  {
    RawDb db(other);
    db.exec("PRAGMA application_id = 305419896; PRAGMA user_version = 1; CREATE TABLE photos(x);");
  }
  const std::string msg = expect_fault(StoreFault::Foreign, [&] { Project::open(other); });
  EXPECT_NE(msg.find("not a Rashisa project"), std::string::npos) << msg;
  expect_refused_unchanged(other, StoreFault::Foreign);
}

TEST(StoreOpen, NewerVersionIsRefused) {
  TempDir dir("toonew");
  const fs::path path = dir / "future.rashisa";
  Project::create(path).close();
  {
    RawDb db(path);
    db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  }
  const std::string msg = expect_fault(StoreFault::TooNew, [&] { Project::open(path); });
  EXPECT_NE(msg.find("newer version"), std::string::npos) << msg;
  expect_refused_unchanged(path, StoreFault::TooNew);
}

TEST(StoreOpen, WalModeFileIsRefused) {
  TempDir dir("wal");
  const fs::path path = dir / "wal.rashisa";
  Project::create(path).close();
  {
    RawDb db(path);
    db.exec("PRAGMA journal_mode = WAL");
  }
  ASSERT_EQ(testing::read_all(path)[18], 2);
  expect_refused_unchanged(path, StoreFault::Foreign);
}

/// A project with some rows in every table and a few hundred KB of pages.
void fill(Project& p, std::mt19937_64& rng) {
  for (int i = 0; i < 4; ++i) {
    NewPhoto m;
    m.file_name = "p" + std::to_string(i) + ".jpg";
    m.width = 640;
    m.height = 480;
    p.add_photo(testing::random_bytes(rng, 40000 + 1000 * i), m);
  }
  const auto c = p.add_concept({"bottle", "sks", "bottle", "{}"});
  p.save_checkpoint(c, testing::random_bytes(rng, 150000), {ConceptStatus::Paused, 1, 10});
  TemplateSpec t;
  t.text = "{product} on a table";
  p.add_template(t);
}

TEST(StoreOpen, TruncatedProjectIsDamaged) {
  TempDir dir("truncated");
  const fs::path path = dir / "cut.rashisa";
  std::mt19937_64 rng(2);
  {
    Project p = Project::create(path);
    fill(p, rng);
  }
  Bytes b = testing::read_all(path);
  b.resize(b.size() / 2);
  testing::write_all(path, b);
  expect_refused_unchanged(path, StoreFault::Damaged);
}

TEST(StoreOpen, CorruptPageIsDamaged) {
  TempDir dir("corrupt");
  const fs::path path = dir / "bad.rashisa";
  std::mt19937_64 rng(3);
  std::int64_t root = 0, page_size = 0;
  {
    Project p = Project::create(path);
    fill(p, rng);
    page_size = p.file_settings().page_size;
  }
  {
    RawDb db(path, SQLITE_OPEN_READONLY);
    root = db.scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'concepts'");
  }
  ASSERT_GT(root, 1);
  // Scribble over the b-tree page header of the concepts table.
  Bytes b = testing::read_all(path);
  const std::size_t off = static_cast<std::size_t>((root - 1) * page_size);
  for (std::size_t i = 0; i < 12; ++i) b[off + i] = static_cast<std::uint8_t>(0xA5 ^ i);
  testing::write_all(path, b);
  expect_refused_unchanged(path, StoreFault::Damaged);
}

TEST(StoreOpen, MissingTableIsDamaged) {
  TempDir dir("notables");
  const fs::path path = dir / "ours.rashisa";
  {
    RawDb db(path);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
            "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + "; CREATE TABLE photos(x);");
  }
  expect_refused_unchanged(path, StoreFault::Damaged);
}

TEST(StoreOpen, WriteProtectedFileIsRefused) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir dir("readonly");
  const fs::path path = dir / "ro.rashisa";
  Project::create(path).close();
  ::chmod(path.c_str(), 0444);
  expect_refused_unchanged(path, StoreFault::ReadOnly);
  ::chmod(path.c_str(), 0644);
}

TEST(StoreOpen, LockedFileIsBusy) {
  TempDir dir("busy");
  const fs::path path = dir / "locked.rashisa";
  Project::create(path).close();
  RawDb other(path, SQLITE_OPEN_READWRITE);
  other.exec("BEGIN EXCLUSIVE");
  const std::string msg = expect_fault(StoreFault::Busy, [&] { Project::open(path); });
  EXPECT_NE(msg.find("another program"), std::string::npos) << msg;
  other.exec("ROLLBACK");
  EXPECT_NO_THROW(Project::open(path));
}

TEST(StoreOpen, MigratesFromVersionZero) {
  TempDir dir("v0");
  const fs::path path = dir / "v0.rashisa";
  {
    RawDb db(path);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  }
  {
    Project p = Project::open(path);
    expect_current_settings(p.file_settings());
    EXPECT_TRUE(p.integrity_ok());
    const auto log = p.audit_log();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "project.migrate");
    EXPECT_NE(log[0].details.find("\"from\":0"), std::string::npos) << log[0].details;
    TemplateSpec t;
    t.text = "x";
    EXPECT_GT(p.add_template(t), 0);
  }
  // Nothing to back up in a file without a schema.
  EXPECT_FALSE(fs::exists(dir / "v0.rashisa.v0.bak"));
  Project again = Project::open(path);
  EXPECT_EQ(again.list_templates().size(), 1u);
}

}  // namespace
}  // namespace rashisa::store
