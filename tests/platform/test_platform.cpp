// engine/platform with Japanese file and folder names: mapping a file, replacing a file
// atomically over an existing one, flushing a file and a folder, create-new refusing an
// existing file, rename without replace, and the process/machine queries.
#include "engine/platform/platform.h"
#include "tests/platform/unicode_folder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rashisa::platform {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::names_in;
using rashisa::testing::read_all;
using rashisa::testing::UnicodeFolder;
using Bytes = std::vector<std::uint8_t>;

Bytes bytes_of(const std::string& s) { return {s.begin(), s.end()}; }

Bytes pattern(std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 131 + i / 4096) % 251);
  return b;
}

TEST(Platform, MapsAFileWithAJapaneseName) {
  UnicodeFolder tmp("写真 フォルダ");
  const Bytes content = pattern(3 << 20);
  const fs::path file = tmp.write("商品①/青いマグ.jpg", content);

  OsError error;
  MappedView view = MappedView::open(file, error);
  ASSERT_FALSE(error) << error.message;
  ASSERT_EQ(view.size(), content.size());
  EXPECT_TRUE(std::equal(content.begin(), content.end(), view.data()));

  // Moving keeps the mapping; the moved-from view is empty.
  MappedView moved = std::move(view);
  EXPECT_EQ(view.data(), nullptr);
  EXPECT_EQ(moved.size(), content.size());
  EXPECT_EQ(moved.data()[12345], content[12345]);

  const MappedView empty = MappedView::open(tmp.write("空っぽ.bin", {}), error);
  EXPECT_FALSE(error) << error.message;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_EQ(empty.data(), nullptr);

  const MappedView missing = MappedView::open(tmp.path() / fs::u8path("無い.jpg"), error);
  EXPECT_EQ(error.fault, OsFault::NotFound) << error.message;
  EXPECT_FALSE(error.message.empty());
  EXPECT_EQ(missing.data(), nullptr);

  (void)MappedView::open(tmp.folder("商品①"), error);
  EXPECT_EQ(error.fault, OsFault::NotAFile) << error.message;
}

TEST(Platform, ReplacesAFileAtomicallyOverAnExistingOne) {
  UnicodeFolder tmp("写真 フォルダ");
  const fs::path target = tmp.write("商品①.jpg", bytes_of("old contents"));
  const fs::path temp = tmp.path() / fs::u8path("商品①.jpg.一時");
  const Bytes fresh = pattern(100000);

  OsError error;
  File f = File::open(temp, File::Mode::CreateOrTruncate, error);
  ASSERT_FALSE(error) << error.message;
  ASSERT_TRUE(f.is_open());
  EXPECT_FALSE(f.write_all(fresh.data(), fresh.size()));
  EXPECT_FALSE(f.sync());
  EXPECT_FALSE(f.close());
  EXPECT_FALSE(f.is_open());

  const OsError replaced = replace_file(temp, target);
  ASSERT_FALSE(replaced) << replaced.message;
  EXPECT_EQ(read_all(target), fresh);
  EXPECT_EQ(names_in(tmp.path()), std::vector<std::string>{"商品①.jpg"});  // no temporary left

  EXPECT_EQ(replace_file(temp, target).fault, OsFault::NotFound);  // the temporary is gone
  EXPECT_EQ(read_all(target), fresh);
}

TEST(Platform, CreateOrTruncateEmptiesAnExistingFile) {
  UnicodeFolder tmp("写真 フォルダ");
  const fs::path file = tmp.write("商品②.png", pattern(5000));
  OsError error;
  File f = File::open(file, File::Mode::CreateOrTruncate, error);
  ASSERT_FALSE(error) << error.message;
  EXPECT_FALSE(f.write_all("ab", 2));
  EXPECT_FALSE(f.close());
  EXPECT_EQ(read_all(file), bytes_of("ab"));
}

TEST(Platform, FlushesAFileAndAFolder) {
  UnicodeFolder tmp("写真 フォルダ");
  const fs::path dir = tmp.folder("サブ フォルダ");
  const fs::path file = tmp.write("サブ フォルダ/商品③.jpg", pattern(4096));

  OsError error;
  File f = File::open(file, File::Mode::Existing, error);
  ASSERT_FALSE(error) << error.message;
  const OsError synced = f.sync();
  EXPECT_FALSE(synced) << synced.message;
  EXPECT_FALSE(f.close());
  EXPECT_EQ(read_all(file), pattern(4096));  // flushing changes nothing

  const OsError dir_synced = sync_directory(dir);
  EXPECT_FALSE(dir_synced) << dir_synced.message;
  EXPECT_FALSE(sync_directory(fs::path()));  // the current folder
  EXPECT_EQ(sync_directory(tmp.path() / fs::u8path("無いフォルダ")).fault, OsFault::NotFound);
  EXPECT_TRUE(sync_directory(file));  // a file is not a folder

  File::open(tmp.path() / fs::u8path("無い.jpg"), File::Mode::Existing, error);
  EXPECT_EQ(error.fault, OsFault::NotFound) << error.message;
}

TEST(Platform, CreateNewRefusesAnExistingFile) {
  UnicodeFolder tmp("写真 フォルダ");
  const fs::path taken = tmp.write("商品①.jpg", bytes_of("keep me"));

  OsError error;
  File refused = File::open(taken, File::Mode::CreateNew, error);
  EXPECT_EQ(error.fault, OsFault::AlreadyExists) << error.message;
  EXPECT_FALSE(refused.is_open());
  EXPECT_EQ(read_all(taken), bytes_of("keep me"));

  const fs::path fresh = tmp.path() / fs::u8path("新しい商品.jpg");
  File created = File::open(fresh, File::Mode::CreateNew, error);
  ASSERT_FALSE(error) << error.message;
  EXPECT_FALSE(created.write_all("new", 3));
  EXPECT_FALSE(created.close());
  EXPECT_EQ(read_all(fresh), bytes_of("new"));

  File::open(tmp.path() / fs::u8path("無いフォルダ/商品.jpg"), File::Mode::CreateNew, error);
  EXPECT_EQ(error.fault, OsFault::NotFound) << error.message;
}

TEST(Platform, RenameNoReplaceKeepsAnExistingTarget) {
  UnicodeFolder tmp("写真 フォルダ");
  const fs::path from = tmp.write("下書き.rashisa", bytes_of("draft"));
  const fs::path taken = tmp.write("プロジェクト.rashisa", bytes_of("existing"));

  EXPECT_EQ(rename_no_replace(from, taken).fault, OsFault::AlreadyExists);
  EXPECT_EQ(read_all(taken), bytes_of("existing"));
  EXPECT_EQ(read_all(from), bytes_of("draft"));

  const fs::path free_name = tmp.path() / fs::u8path("新プロジェクト.rashisa");
  const OsError moved = rename_no_replace(from, free_name);
  ASSERT_FALSE(moved) << moved.message;
  EXPECT_FALSE(fs::exists(from));
  EXPECT_EQ(read_all(free_name), bytes_of("draft"));
}

TEST(Platform, ProcessAndMachine) {
  EXPECT_NE(process_id(), 0u);
  const MemoryInfo ram = physical_memory();
  EXPECT_GT(ram.total, 0);
#if defined(__linux__) || defined(_WIN32)
  EXPECT_GT(ram.available, 0);
  EXPECT_LE(ram.available, ram.total);
#endif
  char arg0[] = "rashisa-cli";
  char arg1[] = "写真 フォルダ/商品①.jpg";
  char* argv[] = {arg0, arg1};
  const std::vector<std::string> args = utf8_arguments(2, argv);
#if !defined(_WIN32)  // Windows reads this process's own wide command line instead
  EXPECT_EQ(args, (std::vector<std::string>{"rashisa-cli", "写真 フォルダ/商品①.jpg"}));
#else
  EXPECT_FALSE(args.empty());
#endif
}

}  // namespace
}  // namespace rashisa::platform
