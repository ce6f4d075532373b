// Training previews in engine/workflow without models: PNGs from the trainer's pixels (RGB in
// the right order, the heat map as 8-bit grey with 255 at its maximum), reading them back from
// the project with their sizes, and the colour overlay.
#include "engine/core/error.h"
#include "engine/workflow/concept_training.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <unistd.h>

namespace rashisa::workflow {
namespace {

namespace fs = std::filesystem;

cv::Mat decode(const std::vector<std::uint8_t>& png, int flags = cv::IMREAD_UNCHANGED) {
  return cv::imdecode(cv::Mat(1, static_cast<int>(png.size()), CV_8UC1, const_cast<std::uint8_t*>(png.data())), flags);
}

/// A w x h preview: red-ish image with one blue pixel at (1, 2); heat rising from left to right.
TrainingPreview sample(int w, int h, int stage, std::int64_t step, std::int64_t seed) {
  std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
  std::vector<float> heat(static_cast<std::size_t>(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      rgb[3 * i] = 200, rgb[3 * i + 1] = 10, rgb[3 * i + 2] = 30;
      heat[i] = static_cast<float>(x) / static_cast<float>(w - 1);
    }
  const std::size_t blue = static_cast<std::size_t>(2) * w + 1;
  rgb[3 * blue] = 0, rgb[3 * blue + 1] = 0, rgb[3 * blue + 2] = 255;
  return encode_training_preview(stage, step, seed, w, h, rgb.data(), heat.data());
}

std::vector<std::uint8_t> png_of(const cv::Mat& m) {
  std::vector<std::uint8_t> out;
  cv::imencode(".png", m, out);
  return out;
}

TEST(TrainingPreviews, EncodedAsRgbAndGreyPngs) {
  const auto p = sample(40, 24, 2, 100, 1234);
  EXPECT_EQ(p.stage, 2);
  EXPECT_EQ(p.step, 100);
  EXPECT_EQ(p.seed, 1234);
  EXPECT_EQ(p.width, 40);
  EXPECT_EQ(p.height, 24);
  const cv::Mat image = decode(p.image_png);  // BGR
  ASSERT_EQ(image.type(), CV_8UC3);
  ASSERT_EQ(image.cols, 40);
  ASSERT_EQ(image.rows, 24);
  EXPECT_EQ(image.at<cv::Vec3b>(0, 0), cv::Vec3b(30, 10, 200));
  EXPECT_EQ(image.at<cv::Vec3b>(2, 1), cv::Vec3b(255, 0, 0));
  const cv::Mat heat = decode(p.heatmap_png);
  ASSERT_EQ(heat.type(), CV_8UC1) << "the heat map must be 8-bit grey";
  ASSERT_EQ(heat.size(), image.size());
  EXPECT_EQ(heat.at<std::uint8_t>(5, 0), 0);
  EXPECT_EQ(heat.at<std::uint8_t>(5, 39), 255);
  EXPECT_EQ(heat.at<std::uint8_t>(5, 13), 85);  // round(255 * 13/39)
  EXPECT_THROW(encode_training_preview(1, 1, 1, 0, 4, nullptr, nullptr), Error);
}

TEST(TrainingPreviews, ReadBackFromTheProjectInOrderWithTheirSizes) {
  const fs::path dir = fs::temp_directory_path() / ("rashisa_previews_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    auto project = store::Project::create(dir / "p.rashisa");
    store::ConceptSpec spec{"mug", "<rashisa>", "mug", "{}"};
    const auto id = project.add_concept(spec);
    EXPECT_TRUE(concept_previews(project, id).empty());
    for (const auto& p : {sample(48, 32, 3, 20, 5678), sample(48, 32, 1, 60, 1234), sample(48, 32, 3, 20, 1234)})
      project.add_preview(id, {p.stage, p.step, p.seed, p.image_png, p.heatmap_png});
    const auto list = concept_previews(project, id);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].stage, 1);
    EXPECT_EQ(list[1].seed, 1234);
    EXPECT_EQ(list[2].seed, 5678);
    for (const auto& p : list) {
      EXPECT_EQ(p.width, 48);
      EXPECT_EQ(p.height, 32);
      EXPECT_EQ(decode(p.heatmap_png).type(), CV_8UC1);
    }
    EXPECT_EQ(list[0].image_png, sample(48, 32, 1, 60, 1234).image_png);
    EXPECT_THROW(concept_previews(project, id + 1), store::StoreError);
  }
  fs::remove_all(dir);
}

TEST(TrainingPreviews, OverlayColoursWhereTheTokenLooks) {
  const cv::Mat grey_image(64, 64, CV_8UC3, cv::Scalar(128, 128, 128));
  cv::Mat heat(8, 8, CV_8UC1, cv::Scalar(0));  // smaller than the image: resized to it
  heat.colRange(0, 4).setTo(255);
  const auto overlay = heatmap_overlay_png(png_of(grey_image), png_of(heat));
  const cv::Mat out = decode(overlay);
  ASSERT_EQ(out.type(), CV_8UC3);
  ASSERT_EQ(out.cols, 64);
  ASSERT_EQ(out.rows, 64);
  const cv::Vec3b hot = out.at<cv::Vec3b>(30, 2), cold = out.at<cv::Vec3b>(30, 61);  // BGR
  EXPECT_GT(hot[2], hot[0] + 30) << "full attention is shown red";
  EXPECT_GT(cold[0], cold[2]) << "no attention is shown blue";
  EXPECT_NE(out.at<cv::Vec3b>(30, 2), out.at<cv::Vec3b>(30, 61));
  // Half image, half colour: the image still shows through.
  const cv::Mat white(64, 64, CV_8UC3, cv::Scalar(255, 255, 255));
  const cv::Mat on_white = decode(heatmap_overlay_png(png_of(white), png_of(heat)));
  EXPECT_GT(on_white.at<cv::Vec3b>(30, 2)[0], hot[0]);

  EXPECT_THROW(heatmap_overlay_png({1, 2, 3}, png_of(heat)), Error);
  EXPECT_THROW(heatmap_overlay_png(png_of(grey_image), {}), Error);
}

}  // namespace
}  // namespace rashisa::workflow
