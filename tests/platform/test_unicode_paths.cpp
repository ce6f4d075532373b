// The paths a user chooses, with Japanese names, through the real code paths: photos imported
// from a Japanese-named folder, a project created, copied and reopened at a Japanese path, and
// images exported into a Japanese-named folder (read back from there).
#include "engine/export/image_export.h"
#include "engine/media/image_file.h"
#include "engine/model_io/atomic_file.h"
#include "engine/store/project.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/photo_intake.h"
#include "tests/platform/unicode_folder.h"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace rashisa {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::names_in;
using rashisa::testing::read_all;
using rashisa::testing::UnicodeFolder;
using Bytes = std::vector<std::uint8_t>;

/// A photo-sized test picture with some texture, encoded as `ext` (".jpg", ".png").
Bytes photo(int seed, const std::string& ext) {
  cv::Mat bgr(384, 512, CV_8UC3);
  for (int y = 0; y < bgr.rows; ++y)
    for (int x = 0; x < bgr.cols; ++x)
      bgr.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x * 3 + seed * 40) % 256),
                                          static_cast<uchar>((y * 5 + x / 7) % 256), static_cast<uchar>((x ^ y) + seed));
  Bytes out;
  EXPECT_TRUE(cv::imencode(ext, bgr, out));
  return out;
}

media::RgbImage small_image(int seed) {
  media::RgbImage im{48, 40, std::vector<std::uint8_t>(48 * 40 * 3)};
  for (std::size_t i = 0; i < im.pixels.size(); ++i) im.pixels[i] = static_cast<std::uint8_t>((i * 7 + seed * 31) % 256);
  return im;
}

TEST(UnicodePaths, PhotosFromAJapaneseFolderIntoAProjectAtAJapanesePath) {
  UnicodeFolder tmp("写真 フォルダ");
  tmp.write("撮影 2024/商品①.jpg", photo(1, ".jpg"));
  tmp.write("撮影 2024/裏側/商品②.png", photo(2, ".png"));
  tmp.write("撮影 2024/メモ.txt", {'x'});

  // What the user names on the command line or drops on the window: the folder.
  const auto found = workflow::collect_photo_arguments({tmp.path() / fs::u8path("撮影 2024")});
  ASSERT_EQ(found.files.size(), 2u);
  ASSERT_EQ(found.not_photos.size(), 1u);
  EXPECT_EQ(found.not_photos[0].filename().u8string(), "メモ.txt");

  const fs::path project_path = tmp.folder("案件/春の新商品") / fs::u8path("青いマグ.rashisa");
  {
    auto project = store::Project::create(project_path);
    const auto results = workflow::add_photos(project, found.files);
    ASSERT_EQ(results.size(), 2u);
    for (const auto& r : results) EXPECT_TRUE(r.ok()) << r.file << ": " << r.message;
    EXPECT_EQ(fs::u8path(results[0].file), found.files[0]);
  }

  // Reopened from its Japanese path: the photos and their names are there.
  auto reopened = store::Project::open(project_path);
  EXPECT_EQ(reopened.path(), project_path);
  std::vector<std::string> names;
  for (const auto& p : reopened.list_photos()) names.push_back(p.file_name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"商品①.jpg", "商品②.png"}));

  // A copy under another Japanese name opens too; the folder holds no temporary files, only
  // the lock file of the project that is open.
  const fs::path copy = project_path.parent_path() / fs::u8path("青いマグ (控え).rashisa");
  reopened.save_copy(copy);
  EXPECT_EQ(store::Project::open(copy).list_photos().size(), 2u);
  EXPECT_EQ(names_in(project_path.parent_path()),
            (std::vector<std::string>{"青いマグ (控え).rashisa", "青いマグ.rashisa", "青いマグ.rashisa.lock"}));

  // A second create at the same Japanese path is refused and leaves the file alone.
  const Bytes before = read_all(project_path);
  reopened.close();
  EXPECT_THROW(store::Project::create(project_path), store::StoreError);
  EXPECT_EQ(read_all(project_path), before);

  // The trainer reads photos straight from disk (rashisa-cli train).
  std::string sha;
  const media::RgbImage read = media::read_rgb(found.files[0], &sha);
  EXPECT_EQ(read.width, 512);
  EXPECT_EQ(read.height, 384);
  EXPECT_EQ(sha.size(), 64u);
}

TEST(UnicodePaths, ExportIntoAJapaneseFolder) {
  UnicodeFolder tmp("書き出し");
  auto project = store::Project::create(tmp.path() / fs::u8path("案件.rashisa"));
  store::NewImage image;
  image.params = {42, "ddim", 3, 7.0, 48, 40, "a photo of a blue mug", "blurry", "{}", std::string(64, 'a')};
  image.png = media::encode_png(small_image(1));
  const auto id = project.add_image(image);
  project.set_review(id, store::Review::Approved, "tester");

  workflow::ExportRequest request;
  request.folder = tmp.folder("納品/ネットショップ用");
  request.name_pattern = "商品写真-{index}";
  const auto files = workflow::export_images(project, request);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path.parent_path(), request.folder);
  EXPECT_EQ(names_in(request.folder), std::vector<std::string>{files[0].path.filename().u8string()});
  const auto read_back = exporting::read_provenance(files[0].path.u8string());
  EXPECT_EQ(read_back.digital_source_type, exporting::kTrainedAlgorithmicMedia);

  // The engine call underneath, JPEG, replacing an existing file; and the PNG writer of
  // `rashisa-cli generate`; and the contact sheet.
  const fs::path jpeg = request.folder / fs::u8path("差し替え①.jpg");
  tmp.write("納品/ネットショップ用/差し替え①.jpg", {'o', 'l', 'd'});
  const media::RgbImage pixels = small_image(2);
  exporting::export_image(jpeg.u8string(), {pixels.width, pixels.height, pixels.pixels}, exporting::ExportFormat::Jpeg,
                          90, {});
  EXPECT_EQ(exporting::read_provenance(jpeg.u8string()).digital_source_type, exporting::kTrainedAlgorithmicMedia);
  const fs::path png = request.folder / fs::u8path("生成-1.png");
  media::write_png(png, pixels);
  EXPECT_EQ(media::read_rgb(png).pixels, pixels.pixels);
  const fs::path sheet = request.folder / fs::u8path("一覧.png");
  workflow::write_contact_sheet(project, sheet, std::nullopt, {id});
  EXPECT_EQ(names_in(request.folder).size(), 4u);  // and no temporary files
  EXPECT_GT(fs::file_size(sheet), 0u);
}

TEST(UnicodePaths, AtomicFileWithAJapaneseName) {
  UnicodeFolder tmp("モデル");
  const fs::path target = tmp.write("概念/青いマグ.safetensors", {'o', 'l', 'd'});
  {
    model_io::AtomicFile out(target);
    EXPECT_TRUE(fs::exists(out.temp_path()));
    out.write("new", 3);
    out.commit();
  }
  EXPECT_EQ(read_all(target), (Bytes{'n', 'e', 'w'}));
  {
    model_io::AtomicFile abandoned(target);
    abandoned.write("half", 4);
  }
  EXPECT_EQ(read_all(target), (Bytes{'n', 'e', 'w'}));
  EXPECT_EQ(names_in(target.parent_path()), std::vector<std::string>{"青いマグ.safetensors"});
}

}  // namespace
}  // namespace rashisa
