#include "engine/export/contact_sheet.h"
#include "engine/export/image_export.h"

#include "engine/core/error.h"
#include "tests/export/exiv2_view.h"

#include <exiv2/exiv2.hpp>
#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using namespace rashisa;
using namespace rashisa::exporting;

namespace {

RgbImage noise_image(int w, int h, unsigned seed) {
  RgbImage img{w, h, std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 3)};
  std::mt19937 rng(seed);
  for (auto& b : img.pixels) b = static_cast<std::uint8_t>(rng());
  return img;
}

ImageProvenance sample_provenance() {
  ImageProvenance p;
  p.prompt = "a photo of <rashisa1> bottle on white, 朝の光";
  p.negative_prompt = "blurry, text";
  p.seed = 1234567890123ULL;
  p.sampler = "dpmpp-2m";
  p.steps = 30;
  p.guidance = 7.5;
  p.base_model_hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  p.concept_id = "concept-42";
  return p;
}

// A fresh, empty folder per test.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("rashisa_export_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

using rashisa::testing::Exiv2View;
using rashisa::testing::exiv2_view;
using rashisa::testing::xmp_text;

std::string raw_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void expect_provenance(const fs::path& path, const ImageProvenance& p) {
  const Exiv2View v = exiv2_view(path);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.iptcExt.DigitalSourceType"), kTrainedAlgorithmicMedia);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.xmp.CreatorTool"), std::string("Rashisa ") + RASHISA_VERSION);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.Prompt"), p.prompt);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.NegativePrompt"), p.negative_prompt);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.Seed"), "1234567890123");
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.Sampler"), "dpmpp-2m");
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.Steps"), "30");
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.Guidance"), "7.5");
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.BaseModelHash"), p.base_model_hash);
  EXPECT_EQ(xmp_text(v.xmp, "Xmp.rashisa.ConceptId"), "concept-42");
  for (const auto& d : v.exif) {
    EXPECT_NE(d.groupName(), "GPSInfo") << d.key();
    EXPECT_TRUE(d.key() == "Exif.Photo.UserComment" || d.key() == "Exif.Image.ExifTag") << "unexpected " << d.key();
  }
  for (const auto& d : v.xmp) {
    const std::string k = d.key();
    EXPECT_TRUE(k.rfind("Xmp.rashisa.", 0) == 0 || k == "Xmp.iptcExt.DigitalSourceType" || k == "Xmp.xmp.CreatorTool")
        << "unexpected " << k;
  }
  // The IPTC namespace URI itself is in the packet (a namespace-aware reader finds the property).
  const std::string raw = raw_bytes(path);
  EXPECT_NE(raw.find("http://iptc.org/std/Iptc4xmpExt/2008-02-29/"), std::string::npos);
  EXPECT_NE(raw.find(kRashisaXmpNamespace), std::string::npos);
  // Our own reader agrees.
  const ReadProvenance r = read_provenance(path.string());
  EXPECT_EQ(r.digital_source_type, kTrainedAlgorithmicMedia);
  EXPECT_TRUE(r.has_rashisa_fields);
  EXPECT_EQ(r.provenance.seed, p.seed);
  EXPECT_EQ(r.provenance.steps, p.steps);
  EXPECT_DOUBLE_EQ(r.provenance.guidance, p.guidance);
  EXPECT_EQ(r.provenance.prompt, p.prompt);
  EXPECT_EQ(r.parameters, a1111_parameters(p, 64, 48));
}

}  // namespace

TEST(A1111Parameters, Format) {
  ImageProvenance p = sample_provenance();
  p.prompt = "a photo of <v> toy";
  p.guidance = 7.0;
  EXPECT_EQ(a1111_parameters(p, 512, 768),
            "a photo of <v> toy\nNegative prompt: blurry, text\nSteps: 30, Sampler: DPM++ 2M, CFG scale: 7.0, "
            "Seed: 1234567890123, Size: 512x768, Model hash: 0123456789");
  p.negative_prompt.clear();
  p.base_model_hash.clear();
  p.sampler = "euler";
  EXPECT_EQ(a1111_parameters(p, 512, 512),
            "a photo of <v> toy\nSteps: 30, Sampler: Euler, CFG scale: 7.0, Seed: 1234567890123, Size: 512x512");
}

TEST(ExportImage, PngPixelsExactAndLabelled) {
  const fs::path dir = fresh_dir("png");
  const fs::path path = dir / "out.png";
  const RgbImage img = noise_image(64, 48, 1);
  const ImageProvenance p = sample_provenance();
  export_image(path.string(), img, ExportFormat::Png, 95, p);
  EXPECT_EQ(files_in(dir), std::vector<std::string>{"out.png"});  // no temporary left
  cv::Mat bgr = cv::imread(path.string(), cv::IMREAD_UNCHANGED);
  ASSERT_EQ(bgr.type(), CV_8UC3);
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  ASSERT_TRUE(rgb.isContinuous());
  EXPECT_EQ(std::vector<std::uint8_t>(rgb.data, rgb.data + rgb.total() * 3), img.pixels);
  expect_provenance(path, p);
  // Not ASCII (the Japanese words), so "parameters" is an iTXt chunk.
  EXPECT_NE(raw_bytes(path).find(std::string("iTXtparameters\0", 15)), std::string::npos);
}

TEST(ExportImage, JpegLabelledWithUserComment) {
  const fs::path dir = fresh_dir("jpeg");
  const fs::path path = dir / "out.jpg";
  const ImageProvenance p = sample_provenance();
  export_image(path.string(), noise_image(64, 48, 2), ExportFormat::Jpeg, 90, p);
  EXPECT_EQ(files_in(dir), std::vector<std::string>{"out.jpg"});
  const cv::Mat back = cv::imread(path.string());
  EXPECT_EQ(back.cols, 64);
  EXPECT_EQ(back.rows, 48);
  expect_provenance(path, p);
  const Exiv2View v = exiv2_view(path);
  const auto it = v.exif.findKey(Exiv2::ExifKey("Exif.Photo.UserComment"));
  ASSERT_NE(it, v.exif.end());
  const auto* c = dynamic_cast<const Exiv2::CommentValue*>(&it->value());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->charsetId(), Exiv2::CommentValue::unicode);
  EXPECT_EQ(c->comment(), a1111_parameters(p, 64, 48));
}

TEST(ExportImage, AsciiParametersAreTextChunkAndPromptsCanBeLeftOut) {
  const fs::path dir = fresh_dir("ascii");
  ImageProvenance p = sample_provenance();
  p.prompt = "a photo of <v> toy";
  export_image((dir / "a.png").string(), noise_image(16, 16, 3), ExportFormat::Png, 95, p);
  EXPECT_NE(raw_bytes(dir / "a.png").find(std::string("tEXtparameters\0", 15)), std::string::npos);
  EXPECT_EQ(read_provenance((dir / "a.png").string()).parameters, a1111_parameters(p, 16, 16));

  p.include_prompts = false;
  p.prompt = "SECRET-PROMPT-MARKER";
  p.negative_prompt = "SECRET-NEGATIVE-MARKER";
  for (const auto& [name, format] : {std::pair{"b.png", ExportFormat::Png}, std::pair{"b.jpg", ExportFormat::Jpeg}}) {
    const fs::path path = dir / name;
    export_image(path.string(), noise_image(16, 16, 4), format, 90, p);
    const std::string raw = raw_bytes(path);
    EXPECT_EQ(raw.find("SECRET"), std::string::npos) << name;
    EXPECT_EQ(raw.find("parameters"), std::string::npos) << name;
    const ReadProvenance r = read_provenance(path.string());
    EXPECT_EQ(r.digital_source_type, kTrainedAlgorithmicMedia) << name;
    EXPECT_EQ(r.provenance.seed, p.seed) << name;
  }
}

TEST(ExportImage, CompositeSourceType) {
  const fs::path dir = fresh_dir("composite");
  ImageProvenance p = sample_provenance();
  p.composite = true;
  export_image((dir / "c.png").string(), noise_image(16, 16, 5), ExportFormat::Png, 95, p);
  EXPECT_EQ(xmp_text(exiv2_view(dir / "c.png").xmp, "Xmp.iptcExt.DigitalSourceType"),
            kCompositeWithTrainedAlgorithmicMedia);
}

TEST(ExportImage, PromptStartingWithTypeIsKeptVerbatim) {
  const fs::path dir = fresh_dir("typeprefix");
  ImageProvenance p = sample_provenance();
  // XmpTextValue::read() would turn a leading "type=" into a type qualifier; export sets the
  // text directly, so the file holds the prompt verbatim. (exiv2 0.27's own XMP decoder still
  // applies read() when parsing, so exiv2 readers show it as type="Bag" ...: a reader quirk.)
  p.prompt = "type=Bag a photo of V bag";
  export_image((dir / "t.png").string(), noise_image(16, 16, 6), ExportFormat::Png, 95, p);
  EXPECT_NE(raw_bytes(dir / "t.png").find("\"type=Bag a photo of V bag\""), std::string::npos);
}

TEST(ExportImage, ReplacesExistingFileWhole) {
  const fs::path dir = fresh_dir("replace");
  const fs::path path = dir / "r.png";
  { std::ofstream(path) << "old"; }
  export_image(path.string(), noise_image(16, 16, 7), ExportFormat::Png, 95, sample_provenance());
  EXPECT_EQ(cv::imread(path.string()).cols, 16);
  EXPECT_EQ(files_in(dir), std::vector<std::string>{"r.png"});
}

TEST(ExportImage, FailuresAreTypedAndLeaveNothing) {
  const fs::path dir = fresh_dir("fail");
  const fs::path missing = dir / "no-such-folder" / "x.png";
  try {
    export_image(missing.string(), noise_image(16, 16, 8), ExportFormat::Png, 95, sample_provenance());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::FileWrite);
    EXPECT_NE(std::string(e.what()).find("no-such-folder"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_TRUE(files_in(dir).empty());

  RgbImage bad = noise_image(16, 16, 9);
  bad.pixels.pop_back();
  auto code = [&](auto&& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::Internal;
  };
  EXPECT_EQ(code([&] { export_image((dir / "b.png").string(), bad, ExportFormat::Png, 95, sample_provenance()); }),
            ErrorCode::InvalidArgument);
  EXPECT_EQ(code([&] {
              export_image((dir / "q.jpg").string(), noise_image(8, 8, 1), ExportFormat::Jpeg, 0, sample_provenance());
            }),
            ErrorCode::InvalidArgument);
  EXPECT_TRUE(files_in(dir).empty());
  EXPECT_EQ(code([&] { read_provenance((dir / "none.png").string()); }), ErrorCode::FileNotFound);
  { std::ofstream(dir / "junk.png") << "not an image"; }
  EXPECT_EQ(code([&] { read_provenance((dir / "junk.png").string()); }), ErrorCode::FileFormat);
}

TEST(ContactSheet, DimensionsAndContent) {
  std::vector<ContactSheetItem> items;
  for (int i = 0; i < 5; ++i)
    items.push_back({noise_image(100 + 20 * i, 80, i), "seed " + std::to_string(i) + " white-studio 背景"});
  const auto png = contact_sheet_png(items, 3, 64);
  const cv::Mat sheet = cv::imdecode(png, cv::IMREAD_UNCHANGED);
  ASSERT_FALSE(sheet.empty());
  const int pad = kContactSheetPadding, band = kContactSheetCaptionHeight;
  EXPECT_EQ(sheet.cols, 3 * (64 + pad) + pad);
  EXPECT_EQ(sheet.rows, 2 * (64 + band + pad) + pad);
  // Top-left corner is background, the first cell's centre is image, the last (6th) cell is empty.
  EXPECT_EQ(sheet.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
  const cv::Vec3b centre = sheet.at<cv::Vec3b>(pad + 32, pad + 32);
  EXPECT_NE(centre, cv::Vec3b(255, 255, 255));
  const int x6 = pad + 2 * (64 + pad), y6 = pad + (64 + band + pad);
  EXPECT_EQ(cv::countNonZero(cv::Mat(255 - sheet(cv::Rect(x6, y6, 64, 64)).reshape(1))), 0);
  // A caption band has dark text pixels.
  cv::Mat band0;
  cv::cvtColor(sheet(cv::Rect(pad, pad + 64, 64, band)), band0, cv::COLOR_BGR2GRAY);
  double lo = 0;
  cv::minMaxLoc(band0, &lo);
  EXPECT_LT(lo, 128);

  const auto one = cv::imdecode(contact_sheet_png({items[0]}, 4, 32), cv::IMREAD_UNCHANGED);
  EXPECT_EQ(one.cols, 32 + 2 * pad);
  EXPECT_THROW(contact_sheet_png({}, 3, 64), Error);
  EXPECT_THROW(contact_sheet_png(items, 0, 64), Error);
  EXPECT_THROW(contact_sheet_png(items, 3, 8), Error);
}
