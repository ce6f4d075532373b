// Training previews in the project file: the 1 -> 2 migration (with its backup), add /
// replace / list / clear, removal with the concept, reopening, refusals, and secure delete.
// Makes a version-1 file with write_old_project (engine/store's private schema).
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <functional>
#include <tuple>

namespace rashisa::store {
namespace {

using testing::RawDb;
using testing::TempDir;
using testing::fault_of;
namespace fs = std::filesystem;

NewPreview preview(int stage, std::int64_t step, std::int64_t seed, std::uint8_t fill) {
  NewPreview p;
  p.stage = stage;
  p.step = step;
  p.seed = seed;
  p.image_png = Bytes(300, fill);
  p.heatmap_png = Bytes(100, static_cast<std::uint8_t>(fill + 1));
  return p;
}

std::int64_t add_concept(Project& p, const std::string& name) {
  ConceptSpec spec;
  spec.name = name;
  spec.token = "<rashisa>";
  spec.category = "mug";
  return p.add_concept(spec);
}

using Key = std::tuple<int, std::int64_t, std::int64_t>;
std::vector<Key> keys_of(const std::vector<PreviewRecord>& list) {
  std::vector<Key> out;
  for (const auto& r : list) out.emplace_back(r.stage, r.step, r.seed);
  return out;
}

TEST(StorePreviews, VersionOneFileIsMigratedAfterABackup) {
  TempDir dir("previews_migrate");
  const fs::path path = dir / "old.rashisa";
  const fs::path bak = testing::write_old_project(path, 1,
                                                  "INSERT INTO concepts(name, token, category, created_at, updated_at) "
                                                  "VALUES('Blue mug', '<rashisa>', 'mug', 't', 't')");
  ASSERT_FALSE(fs::exists(bak));
  std::int64_t id = 0;
  {
    Project p = Project::open(path);
    EXPECT_EQ(p.file_settings().user_version, kSchemaVersion);
    EXPECT_TRUE(p.integrity_ok());
    const auto concepts = p.list_concepts();
    ASSERT_EQ(concepts.size(), 1u);
    id = concepts[0].id;
    EXPECT_TRUE(p.list_previews(id).empty());
    p.add_preview(id, preview(1, 60, 1234, 7));
    const auto log = p.audit_log(1);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "project.migrate");
    EXPECT_NE(log[0].details.find("\"from\":1"), std::string::npos) << log[0].details;
    EXPECT_NE(log[0].details.find("\"to\":" + std::to_string(kSchemaVersion)), std::string::npos) << log[0].details;
  }
  // The backup is the version-1 file as it was: its concept, no previews table.
  ASSERT_TRUE(fs::exists(bak));
  {
    RawDb old(bak, SQLITE_OPEN_READONLY);
    EXPECT_EQ(old.scalar("PRAGMA user_version"), 1);
    EXPECT_EQ(old.scalar("SELECT count(*) FROM concepts"), 1);
    EXPECT_EQ(old.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'previews'"), 0);
  }
  Project again = Project::open(path);  // no second migration, the preview is there
  EXPECT_EQ(again.list_previews(id).size(), 1u);
  EXPECT_EQ(again.audit_log(1).at(0).action, "project.migrate");
}

TEST(StorePreviews, AddReplaceListClear) {
  TempDir dir("previews_crud");
  Project p = Project::create(dir / "p.rashisa");
  const auto mug = add_concept(p, "mug");
  const auto vase = add_concept(p, "vase");
  p.add_preview(mug, preview(2, 100, 5678, 1));
  p.add_preview(mug, preview(1, 60, 5678, 2));
  p.add_preview(mug, preview(2, 100, 1234, 3));
  p.add_preview(mug, preview(1, 60, 1234, 4));
  p.add_preview(mug, preview(1, 20, 1234, 5));
  p.add_preview(vase, preview(1, 60, 1234, 6));

  auto list = p.list_previews(mug);
  EXPECT_EQ(keys_of(list), (std::vector<Key>{{1, 20, 1234}, {1, 60, 1234}, {1, 60, 5678}, {2, 100, 1234},
                                             {2, 100, 5678}}));
  EXPECT_EQ(list[1].image_png, Bytes(300, 4));
  EXPECT_EQ(list[1].heatmap_png, Bytes(100, 5));
  EXPECT_FALSE(list[1].created_at.empty());
  EXPECT_GT(list[1].id, 0);

  // The same stage, step and seed replace the preview; nothing else changes.
  p.add_preview(mug, preview(1, 60, 1234, 9));
  list = p.list_previews(mug);
  ASSERT_EQ(list.size(), 5u);
  EXPECT_EQ(list[1].image_png, Bytes(300, 9));
  EXPECT_EQ(list[1].heatmap_png, Bytes(100, 10));
  EXPECT_EQ(list[2].image_png, Bytes(300, 2));

  p.clear_previews(mug);
  EXPECT_TRUE(p.list_previews(mug).empty());
  EXPECT_EQ(p.audit_log(1).at(0).action, "concept.previews.clear");
  ASSERT_EQ(p.list_previews(vase).size(), 1u);  // another concept's stay
  EXPECT_EQ(p.list_previews(vase)[0].image_png, Bytes(300, 6));
}

TEST(StorePreviews, RemovedWithTheirConceptAndKeptAcrossReopen) {
  TempDir dir("previews_cascade");
  const fs::path path = dir / "p.rashisa";
  std::int64_t mug = 0, vase = 0;
  {
    Project p = Project::create(path);
    mug = add_concept(p, "mug");
    vase = add_concept(p, "vase");
    p.add_preview(mug, preview(3, 500, 1, 1));
    p.add_preview(vase, preview(3, 500, 1, 2));
  }
  {
    Project p = Project::open(path);
    ASSERT_EQ(p.list_previews(mug).size(), 1u);
    EXPECT_EQ(p.list_previews(mug)[0].image_png, Bytes(300, 1));
    p.remove_concept(mug);
    EXPECT_EQ(p.list_previews(vase).size(), 1u);
    EXPECT_TRUE(p.integrity_ok());
  }
  RawDb raw(path, SQLITE_OPEN_READONLY);
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM previews WHERE concept_id = " + std::to_string(mug)), 0);
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM previews"), 1);
}

TEST(StorePreviews, BadPreviewsAndUnknownConceptsAreRefused) {
  TempDir dir("previews_refuse");
  Project p = Project::create(dir / "p.rashisa");
  const auto mug = add_concept(p, "mug");
  for (const auto& bad : {preview(0, 1, 1, 1), preview(4, 1, 1, 1), preview(1, -1, 1, 1), preview(1, 1, -1, 1)})
    EXPECT_EQ(fault_of([&] { p.add_preview(mug, bad); }), StoreFault::Invalid);
  auto empty = preview(1, 1, 1, 1);
  empty.heatmap_png.clear();
  EXPECT_EQ(fault_of([&] { p.add_preview(mug, empty); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p.add_preview(mug + 100, preview(1, 1, 1, 1)); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p.list_previews(mug + 100); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p.clear_previews(mug + 100); }), StoreFault::NotFound);
  EXPECT_TRUE(p.list_previews(mug).empty());
}

TEST(StorePreviews, ClearedPreviewsLeaveNoBytesInTheFile) {
  TempDir dir("previews_secure");
  const fs::path path = dir / "p.rashisa";
  std::mt19937_64 rng(7);
  const Bytes marker = testing::random_bytes(rng, 24);
  {
    Project p = Project::create(path);
    const auto mug = add_concept(p, "mug");
    NewPreview n = preview(1, 10, 1, 1);
    n.image_png = testing::random_bytes(rng, 20000);
    std::copy(marker.begin(), marker.end(), n.image_png.begin() + 5000);
    n.heatmap_png = marker;
    p.add_preview(mug, n);
    p.close();
    ASSERT_GE(testing::count_occurrences(testing::read_all(path), marker), 2u);  // the test can fail
    p = Project::open(path);
    p.clear_previews(mug);
  }
  EXPECT_EQ(testing::count_occurrences(testing::read_all(path), marker), 0u);
}

}  // namespace
}  // namespace rashisa::store
