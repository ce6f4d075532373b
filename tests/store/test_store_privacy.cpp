// DB-6: removed photos, images and checkpoints leave none of their bytes in the project
// file (secure_delete), no journal is left behind, and copies carry no deleted bytes.
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

namespace rashisa::store {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

/// 64 bytes that occur nowhere else: a text prefix and random tail.
Bytes make_marker(std::mt19937_64& rng, const std::string& tag) {
  Bytes m(64);
  const std::string head = "RASHISA-MARKER-" + tag + "-";
  std::copy(head.begin(), head.end(), m.begin());
  const Bytes tail = testing::random_bytes(rng, 64 - head.size());
  std::copy(tail.begin(), tail.end(), m.begin() + static_cast<std::ptrdiff_t>(head.size()));
  return m;
}

/// `size` random bytes with `marker` at the start, the middle and the end.
Bytes with_marker(std::mt19937_64& rng, std::size_t size, const Bytes& marker) {
  Bytes b = testing::random_bytes(rng, size);
  for (const std::size_t at : {std::size_t{0}, size / 2, size - marker.size()}) {
    std::copy(marker.begin(), marker.end(), b.begin() + static_cast<std::ptrdiff_t>(at));
  }
  return b;
}

std::size_t occurrences(const fs::path& file, const Bytes& marker) {
  return testing::count_occurrences(testing::read_all(file), marker);
}

bool journal_exists(const fs::path& file) {
  fs::path j = file;
  j += "-journal";
  return fs::exists(j);
}

class StorePrivacy : public ::testing::Test {
 protected:
  StorePrivacy() : dir_("privacy"), path_(dir_ / "p.rashisa") { Project::create(path_).close(); }
  TempDir dir_;
  fs::path path_;
  std::mt19937_64 rng_{7};
};

TEST_F(StorePrivacy, RemovedPhotoLeavesNoBytes) {
  const Bytes big_marker = make_marker(rng_, "big");
  const Bytes small_marker = make_marker(rng_, "small");
  const Bytes thumb_marker = make_marker(rng_, "thumb");
  std::int64_t big = 0, small = 0, keep = 0;
  {
    Project p = Project::open(path_);
    NewPhoto m;
    m.file_name = "big.jpg";
    m.thumbnail_png = with_marker(rng_, 3000, thumb_marker);
    big = p.add_photo(with_marker(rng_, 300000, big_marker), m);  // overflow pages
    m.file_name = "small.jpg";
    m.thumbnail_png.clear();
    small = p.add_photo(with_marker(rng_, 400, small_marker), m);  // inside a b-tree page
    m.file_name = "keep.jpg";
    keep = p.add_photo(testing::random_bytes(rng_, 50000), m);
  }
  // The test can fail: the markers are there before removal (a page boundary may split
  // one of the three copies).
  ASSERT_GE(occurrences(path_, big_marker), 1u);
  ASSERT_GE(occurrences(path_, small_marker), 1u);
  ASSERT_GE(occurrences(path_, thumb_marker), 1u);
  {
    Project p = Project::open(path_);
    p.remove_photo(big);
    p.remove_photo(small);
    EXPECT_EQ(p.list_photos().size(), 1u);
    EXPECT_EQ(p.list_photos()[0].id, keep);
    p.save_copy(dir_ / "copy.rashisa");
  }
  EXPECT_FALSE(journal_exists(path_));
  for (const fs::path& f : {path_, dir_ / "copy.rashisa"}) {
    EXPECT_EQ(occurrences(f, big_marker), 0u) << f;
    EXPECT_EQ(occurrences(f, small_marker), 0u) << f;
    EXPECT_EQ(occurrences(f, thumb_marker), 0u) << f;
  }
  // Nothing else in the folder (no journal, no temporary).
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 2);
}

TEST_F(StorePrivacy, RemovedImagesAndJobsLeaveNoBytes) {
  const Bytes one = make_marker(rng_, "image1");
  const Bytes two = make_marker(rng_, "image2");
  {
    Project p = Project::open(path_);
    const auto job = p.add_job(JobSpec{});
    NewImage im;
    im.job_id = job;
    im.params = {1, "ddim", 20, 7.5, 512, 512, "p", "", "{}", ""};
    im.png = with_marker(rng_, 90000, one);
    const auto i1 = p.add_image(im);
    im.png = with_marker(rng_, 90000, two);
    p.add_image(im);
    p.close();
    ASSERT_GE(occurrences(path_, one), 1u);
    ASSERT_GE(occurrences(path_, two), 1u);
    p = Project::open(path_);
    p.remove_image(i1);
    p.close();
    EXPECT_EQ(occurrences(path_, one), 0u);
    EXPECT_GE(occurrences(path_, two), 1u);
    p = Project::open(path_);
    p.remove_job(job);  // takes the second image with it
  }
  EXPECT_EQ(occurrences(path_, two), 0u);
  EXPECT_FALSE(journal_exists(path_));
}

TEST_F(StorePrivacy, ReplacedAndRemovedCheckpointsLeaveNoBytes) {
  const Bytes first = make_marker(rng_, "ckpt1");
  const Bytes second = make_marker(rng_, "ckpt2");
  const Bytes package = make_marker(rng_, "pkg");
  std::int64_t c = 0;
  {
    Project p = Project::open(path_);
    c = p.add_concept({"c", "sks", "dog", "{}"});
    p.save_checkpoint(c, with_marker(rng_, kBlobChunkSize * 2 + 100, first), {});
    p.save_package(c, with_marker(rng_, 5000, package));
  }
  ASSERT_GE(occurrences(path_, first), 1u);
  {
    Project p = Project::open(path_);
    p.save_checkpoint(c, with_marker(rng_, kBlobChunkSize / 2, second), {});
  }
  EXPECT_EQ(occurrences(path_, first), 0u);
  ASSERT_GE(occurrences(path_, second), 1u);
  {
    Project p = Project::open(path_);
    p.remove_concept(c);
  }
  EXPECT_EQ(occurrences(path_, second), 0u);
  EXPECT_EQ(occurrences(path_, package), 0u);
  EXPECT_FALSE(journal_exists(path_));
}

TEST_F(StorePrivacy, CompactGivesACheckpointsSpaceBack) {
  Project p = Project::open(path_);
  const auto id = p.add_concept({"mug", "<rashisa>", "mug", "{}"});
  const auto empty_size = fs::file_size(path_);
  p.save_checkpoint(id, testing::random_bytes(rng_, 8u << 20), {ConceptStatus::Training, 3, 100});
  EXPECT_GE(fs::file_size(path_), empty_size + (8u << 20));
  p.clear_checkpoint(id);
  const std::int64_t released = p.compact();
  EXPECT_GE(released, std::int64_t{7} << 20);
  EXPECT_LT(fs::file_size(path_), empty_size + (1u << 20));
  EXPECT_TRUE(p.integrity_ok());
  EXPECT_EQ(p.compact(), 0) << "nothing left to give back";
}

TEST_F(StorePrivacy, CompactSwitchesAnOlderFileToIncrementalVacuum) {
  {
    testing::RawDb raw(path_, SQLITE_OPEN_READWRITE);
    raw.exec("PRAGMA auto_vacuum = NONE");
    raw.exec("VACUUM");
    ASSERT_EQ(raw.scalar("PRAGMA auto_vacuum"), 0) << "the test needs a file as older versions made it";
  }
  Project p = Project::open(path_);
  const auto id = p.add_concept({"mug", "<rashisa>", "mug", "{}"});
  const auto empty_size = fs::file_size(path_);
  p.save_checkpoint(id, testing::random_bytes(rng_, 4u << 20), {ConceptStatus::Training, 3, 100});
  p.clear_checkpoint(id);
  EXPECT_GE(p.compact(), std::int64_t{3} << 20);
  EXPECT_LT(fs::file_size(path_), empty_size + (1u << 20));
  EXPECT_TRUE(p.integrity_ok());
  ASSERT_EQ(p.list_concepts().size(), 1u);
  p.close();
  testing::RawDb raw(path_, SQLITE_OPEN_READONLY);
  EXPECT_EQ(raw.scalar("PRAGMA auto_vacuum"), 2) << "incremental from now on";
}

}  // namespace
}  // namespace rashisa::store
