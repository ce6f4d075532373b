// collect_photo_arguments: photos in folders and all their subfolders (Japanese names too),
// other files named, folders without photos reported, hidden files and OS litter ignored,
// symlink loops and unreadable folders survived, and formats Rashisa refuses still reaching
// add_photos so their advice is shown.
#include "engine/workflow/photo_intake.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;
using Paths = std::vector<fs::path>;

class PhotoFolders : public ::testing::Test {
 protected:
  void TearDown() override {
    std::error_code ec;
    for (const auto& p : locked_) fs::permissions(p, fs::perms::owner_all, ec);
  }
  fs::path file(const std::string& rel, const std::vector<std::uint8_t>& bytes = {'x'}) { return tmp_.write(rel, bytes); }
  fs::path folder(const std::string& rel) { return tmp_.folder(rel); }

  rashisa::testing::TestFolder tmp_{"rashisa_photo_folders"};
  const fs::path& dir_ = tmp_.path();
  Paths locked_;
};

TEST_F(PhotoFolders, FindsPhotosInSubfoldersWithJapaneseNames) {
  const fs::path root = folder("photos");
  // In path order (element by element; UTF-8 names after ASCII ones).
  const Paths photos = {file("photos/IMG_0001.HEIC"), file("photos/a.JPG"), file("photos/raw.dng"),
                        file("photos/z/scan.tiff"), file("photos/商品/マグ 1.jpeg"),
                        file("photos/商品/横から/マグ2.png"), file("photos/商品/横から/奥/webp.WebP")};
  const Paths others = {file("photos/notes.txt"), file("photos/z/clip.mov"), file("photos/商品/説明書.pdf")};
  file("photos/.hidden.jpg");
  file("photos/.git/objects/x.jpg");
  file("photos/Thumbs.db");
  file("photos/商品/desktop.ini");
  file("photos/__MACOSX/._a.jpg");
  folder("photos/空のフォルダ");

  const auto found = collect_photo_arguments({root});
  EXPECT_EQ(found.files, photos);  // sorted by path, '.'-names and litter left out
  EXPECT_EQ(found.not_photos, others);
  EXPECT_TRUE(found.empty_folders.empty()) << "an empty subfolder of a folder with photos is not reported";
  for (const auto& p : found.files) EXPECT_TRUE(fs::exists(p)) << p;  // the names survive as UTF-8
}

TEST_F(PhotoFolders, ReportsGivenFoldersWithoutPhotos) {
  const fs::path only_text = folder("docs");
  file("docs/readme.txt");
  file("docs/sub/more.md");
  const fs::path nested_empty = folder("empty/a/b");
  const fs::path hidden_only = folder("hidden");
  file("hidden/.x.jpg");
  const fs::path with_photo = folder("good");
  const fs::path photo = file("good/deep/er/p.png");

  const auto found = collect_photo_arguments({only_text, dir_ / "empty", hidden_only, with_photo});
  EXPECT_EQ(found.files, Paths{photo});
  EXPECT_EQ(found.empty_folders, (Paths{only_text, dir_ / "empty", hidden_only}));
  EXPECT_EQ(found.not_photos, (Paths{dir_ / "docs/readme.txt", dir_ / "docs/sub/more.md"}));
  (void)nested_empty;
}

TEST_F(PhotoFolders, NamedFilesAreKeptAsGivenAndListedOnce) {
  const fs::path text = file("readme.txt");
  const fs::path photo = file("set/p.png");
  const fs::path missing = dir_ / "nope.jpg";
  const auto found = collect_photo_arguments({missing, text, photo, dir_ / "set", dir_ / "set"});
  EXPECT_EQ(found.files, (Paths{missing, text, photo})) << "named files go to add_photos, which says what is wrong";
  EXPECT_TRUE(found.not_photos.empty());
  EXPECT_TRUE(found.empty_folders.empty());
}

TEST_F(PhotoFolders, SurvivesSymlinkLoopsAndUnreadableFolders) {
  const fs::path root = folder("root");
  const fs::path photo = file("root/a/p.jpg");
  fs::create_directory_symlink(root, dir_ / "root/a/loop");       // root/a/loop -> root
  fs::create_directory_symlink(dir_ / "root/a", dir_ / "root/b");  // another way into a
  fs::create_symlink(dir_ / "root/gone.jpg", dir_ / "root/dangling.jpg");
  const fs::path locked = folder("root/locked");
  const fs::path locked_photo = file("root/locked/q.jpg");
  fs::permissions(locked, fs::perms::none);
  locked_.push_back(locked);

  const auto found = collect_photo_arguments({root});
  Paths expected = {photo, dir_ / "root/dangling.jpg"};  // add_photos reports the dangling one as missing
  if (geteuid() == 0) expected.push_back(locked_photo);   // permissions do not stop root
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(found.files, expected) << "folder symlinks are not followed; an unreadable folder is skipped";
}

TEST_F(PhotoFolders, RefusedFormatsReachAddPhotosAndGetTheirAdvice) {
  const fs::path heic_file = file("写真/IMG_0001.HEIC", rashisa::testing::heic_bytes());
  const fs::path good = file("写真/商品/マグ.png", rashisa::testing::pattern_png(1));
  file("写真/メモ.txt");

  auto project = store::Project::create(dir_ / "p.rashisa");
  const auto found = collect_photo_arguments({dir_ / fs::u8path("写真")});
  ASSERT_EQ(found.files, (Paths{heic_file, good}));
  const auto results = add_photos(project, found.files);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].error, "unsupported");
  EXPECT_NE(results[0].message.find("HEIC"), std::string::npos) << results[0].message;
  EXPECT_NE(results[0].message.find("JPEG"), std::string::npos) << "says what to convert to: " << results[0].message;
  EXPECT_TRUE(results[1].ok()) << results[1].message;
  EXPECT_EQ(results[1].file, good.u8string());
  ASSERT_EQ(project.list_photos().size(), 1u);
  EXPECT_EQ(project.list_photos()[0].file_name, "マグ.png");
}

TEST(PhotoNames, KnowsReadableRefusedAndOtherFormats) {
  for (const char* name : {"a.jpg", "A.JPEG", "b.png", "c.webp", "d.tif", "e.TIFF", "f.bmp", "g.heic", "h.HEIF",
                           "i.avif", "j.dng", "k.CR2", "l.nef", "m.arw", "n.gif"})
    EXPECT_TRUE(is_photo_name(name)) << name;
  for (const char* name : {"a.txt", "b.pdf", "c.docx", "d.mov", "e", "jpg", "f.jpg.zip"})
    EXPECT_FALSE(is_photo_name(name)) << name;
}

}  // namespace
}  // namespace rashisa::workflow
