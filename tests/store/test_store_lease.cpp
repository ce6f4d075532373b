// The project lease (engine/store/project_lease.h): one writer program per project, shared
// inside a process, refused with the holder named in another, taken over when stale, and
// read-only opens beside it.
#include "engine/platform/platform.h"
#include "engine/store/project.h"
#include "engine/store/project_lease.h"
#include "tests/store/lease_holder.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <vector>

namespace rashisa::store {
namespace {

using testing::Holder;
using testing::TempDir;
namespace fs = std::filesystem;

std::string text_of(const fs::path& p) {
  const Bytes b = testing::read_all(p);
  return std::string(b.begin(), b.end());
}

TEST(StoreLease, HeldWhileOpenSharedInProcessRemovedOnClose) {
  TempDir dir("lease");
  const fs::path path = dir / "mug.rashisa";
  Project::create(path).close();
  EXPECT_FALSE(fs::exists(lease_file(path)));
  set_lease_program("test-store");
  Project a = Project::open(path);
  const auto holder = holder_from_json(text_of(lease_file(path)));
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->program, "test-store");
  EXPECT_EQ(holder->pid, static_cast<unsigned long>(::getpid()));
  EXPECT_EQ(holder->host, platform::host_name());
  EXPECT_EQ(holder->since.size(), 24u) << holder->since;  // 2026-12-02T09:41:07.123Z
  {
    Project b = Project::open(dir.path() / "." / "mug.rashisa");  // the same file, another spelling
    b.set_setting("ui.draft", "x");
  }
  EXPECT_TRUE(fs::exists(lease_file(path))) << "a still holds it";
  EXPECT_EQ(a.setting("ui.draft"), "x");
  a.close();
  EXPECT_FALSE(fs::exists(lease_file(path)));
}

TEST(StoreLease, HolderRoundTripsAndReads) {
  LeaseHolder h{"Rashisa (window)", "kojo-pc", "佐藤", 1234, "2026-12-02T09:41:07.000Z"};
  const auto back = holder_from_json(holder_to_json(h));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->program, h.program);
  EXPECT_EQ(back->host, h.host);
  EXPECT_EQ(back->user, h.user);
  EXPECT_EQ(back->pid, h.pid);
  EXPECT_EQ(back->since, h.since);
  EXPECT_EQ(describe_holder(h), "Rashisa (window) on kojo-pc by 佐藤 since 2026-12-02 09:41 UTC (pid 1234)");
  EXPECT_FALSE(holder_from_json(""));
  EXPECT_FALSE(holder_from_json("{\"pid\":"));
  EXPECT_FALSE(holder_from_json("[1,2]"));
  EXPECT_FALSE(holder_from_json("{}"));
}

TEST(StoreLease, AnotherProcessIsRefusedWithTheHolderAndCanRead) {
  TempDir dir("lease_held");
  const fs::path path = dir / "mug.rashisa";
  {
    Project p = Project::create(path);
    p.set_setting("ui.draft", "before");
  }
  Holder holder(path);
  try {
    Project::open(path);
    ADD_FAILURE() << "opened a project another process holds";
  } catch (const ProjectInUse& e) {
    EXPECT_EQ(e.fault(), StoreFault::InUse);
    EXPECT_EQ(e.holder().program, "test-holder");
    EXPECT_EQ(e.holder().pid, static_cast<unsigned long>(holder.pid()));
    EXPECT_NE(std::string(e.what()).find("test-holder on "), std::string::npos) << e.what();
  }
  Project reader = Project::open(path, Project::OpenMode::ReadOnly);
  EXPECT_TRUE(reader.read_only());
  EXPECT_EQ(reader.setting("ui.draft"), "before");
  EXPECT_EQ(testing::fault_of([&] { reader.set_setting("ui.draft", "after"); }), StoreFault::ReadOnly);
  EXPECT_TRUE(reader.integrity_ok());
  reader.close();
  holder.end();
  EXPECT_FALSE(fs::exists(lease_file(path)));
  Project p = Project::open(path);
  EXPECT_EQ(p.setting("ui.draft"), "before");
}

TEST(StoreLease, StaleLeaseAfterKillIsTakenOver) {
  TempDir dir("lease_stale");
  const fs::path path = dir / "mug.rashisa";
  Project::create(path).close();
  std::vector<std::string> lines;
  set_lease_reporter([&](const std::string& line) { lines.push_back(line); });
  for (int round = 0; round < 3; ++round) {
    Holder holder(path);
    const pid_t dead = holder.pid();
    holder.kill();
    ASSERT_TRUE(fs::exists(lease_file(path))) << "a killed holder cannot remove its lock file";
    {
      Project p = Project::open(path);
      EXPECT_TRUE(p.integrity_ok());
      EXPECT_EQ(holder_from_json(text_of(lease_file(path)))->pid, static_cast<unsigned long>(::getpid()));
    }
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(round + 1));
    EXPECT_NE(lines.back().find("took over"), std::string::npos) << lines.back();
    EXPECT_NE(lines.back().find("(pid " + std::to_string(dead) + ")"), std::string::npos) << lines.back();
  }
  set_lease_reporter(nullptr);
}

TEST(StoreLease, ReadOnlyOpenNeedsNoLeaseAndLeavesNoFile) {
  TempDir dir("lease_ro");
  const fs::path path = dir / "mug.rashisa";
  Project::create(path).close();
  const std::string before = testing::file_sha256(path);
  {
    Project r = Project::open(path, Project::OpenMode::ReadOnly);
    EXPECT_FALSE(fs::exists(lease_file(path)));
    Project w = Project::open(path);  // a reader does not keep a writer out
    w.set_setting("ui.draft", "x");
    EXPECT_EQ(r.setting("ui.draft"), "x");
  }
  EXPECT_NE(testing::file_sha256(path), before);
  EXPECT_FALSE(fs::exists(lease_file(path)));
}

TEST(StoreLease, ReadOnlyOpenOfAnOlderProjectNobodyHoldsMigratesItFirst) {
  TempDir dir("lease_ro_old");
  const fs::path path = dir / "v0.rashisa";
  {
    testing::RawDb db(path);
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
  }
  Project r = Project::open(path, Project::OpenMode::ReadOnly);
  EXPECT_TRUE(r.read_only());
  EXPECT_EQ(r.file_settings().user_version, kSchemaVersion);
  EXPECT_TRUE(r.list_templates().empty());
  EXPECT_FALSE(fs::exists(lease_file(path)));
}

}  // namespace
}  // namespace rashisa::store
