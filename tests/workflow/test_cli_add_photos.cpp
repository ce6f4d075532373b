// `rashisa-cli project add-photos` on folders: photos in subfolders (Japanese names too) are
// added, the files that are not photos are named in one line, every folder without photos gets
// its own line, and the exit code says when something was not found (README: 3).
#include "engine/store/project.h"
#include "tests/workflow/cli_runner.h"
#include "tests/workflow/test_files.h"

#include <gtest/gtest.h>

namespace {

namespace fs = std::filesystem;
using rashisa::testing::run_cli;

class CliAddPhotos : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(run_cli({"project", "new", project_.string()}).status, 0); }

  fs::path write(const std::string& rel, const std::vector<std::uint8_t>& bytes = {'x'}) { return tmp_.write(rel, bytes); }
  static std::vector<std::uint8_t> png(int seed) { return rashisa::testing::pattern_png(seed); }
  std::size_t photos_in_project() const { return rashisa::store::Project::open(project_).list_photos().size(); }

  rashisa::testing::TestFolder tmp_{"rashisa_cli_add_photos"};
  const fs::path& dir_ = tmp_.path();
  const fs::path project_ = dir_ / "p.rashisa";
};

TEST_F(CliAddPhotos, AddsNestedPhotosAndNamesWhatItSkipped) {
  write("撮影/商品A/正面.png", png(1));
  write("撮影/商品A/横/側面.png", png(2));
  write("撮影/b.png", png(3));
  for (const char* name : {"a.txt", "b.pdf", "c.docx", "d.zip", "e.mov", "f.psd.txt", "g.xlsx"}) write(std::string("撮影/") + name);
  write("撮影/.DS_Store");
  write("撮影/Thumbs.db");
  fs::create_directories(dir_ / "empty/sub");

  const auto r = run_cli({"project", "add-photos", project_.string(), (dir_ / fs::u8path("撮影")).u8string(),
                          (dir_ / "empty").string()});
  EXPECT_EQ(r.status, 3) << "a folder without photos was given";
  EXPECT_EQ(photos_in_project(), 3u);
  EXPECT_NE(r.out.find("正面.png"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("skipped 7 files that are not photos: a.txt, b.pdf, c.docx, d.zip, e.mov and 2 more\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("no photos in " + (dir_ / "empty").string()), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("DS_Store"), std::string::npos) << "hidden files are not mentioned: " << r.err;
  EXPECT_EQ(r.err.find("Thumbs.db"), std::string::npos) << r.err;
}

TEST_F(CliAddPhotos, OneNonPhotoIsNamedAndDoesNotChangeTheExitCode) {
  write("set/p.png", png(4));
  write("set/deeper/q.png", png(5));
  write("set/notes.txt");
  const auto r = run_cli({"project", "add-photos", project_.string(), (dir_ / "set").string(), "--json"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("skipped 1 file that is not a photo: notes.txt\n"), std::string::npos) << r.err;
  const auto list = r.json();
  ASSERT_TRUE(list.is_array());
  ASSERT_EQ(list.size(), 2u);
  for (const auto& item : list) EXPECT_TRUE(item.at("ok").get<bool>()) << item.dump();
}

TEST_F(CliAddPhotos, NothingFoundIsAnErrorNotASilentSuccess) {
  write("docs/a.txt");
  fs::create_directories(dir_ / "nothing");
  const auto r = run_cli({"project", "add-photos", project_.string(), (dir_ / "docs").string(), (dir_ / "nothing").string()});
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("no photos found"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no photos in " + (dir_ / "docs").string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no photos in " + (dir_ / "nothing").string()), std::string::npos) << r.err;
  EXPECT_EQ(photos_in_project(), 0u);
}

TEST_F(CliAddPhotos, HeicIsReportedWithAdvice) {
  write("iphone/IMG_0001.HEIC", rashisa::testing::heic_bytes());
  write("iphone/IMG_0002.png", png(6));
  const auto r = run_cli({"project", "add-photos", project_.string(), (dir_ / "iphone").string()});
  EXPECT_EQ(r.status, 3) << "one file could not be added";
  EXPECT_NE(r.err.find("not added: " + (dir_ / "iphone/IMG_0001.HEIC").string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("HEIC"), std::string::npos) << r.err;
  EXPECT_EQ(photos_in_project(), 1u);
}

TEST_F(CliAddPhotos, HelpSaysFoldersAreSearchedWithSubfolders) {
  const auto r = run_cli({"project", "add-photos", "--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("subfolders"), std::string::npos) << r.out;
}

}  // namespace
