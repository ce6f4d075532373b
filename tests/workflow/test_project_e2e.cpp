// The whole Rashisa job through `rashisa-cli project`, on each tiny reference model: a new
// project, photos the test makes (some deliberately bad, one carrying GPS and personal EXIF),
// check, train with reduced steps (killed in stage 2 and resumed from the checkpoint kept in
// the project file, which must equal an uninterrupted run), a template from a JSON file,
// expand, a batch, a queued job resumed, review, export (XMP read back with exiv2, no GPS or
// personal data anywhere Rashisa writes), and every image remade bit-exactly from its record.
#include "engine/export/image_export.h"
#include "engine/ml/train/concept.h"
#include "engine/store/project.h"
#include "tests/support/reference.h"
#include "tests/workflow/cli_runner.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <exiv2/exiv2.hpp>

#include "engine/core/exiv2_compat.h"

#include <algorithm>
#include <fstream>
#include <set>

#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;
using rashisa::testing::run_cli;

namespace {

const char* const kSerial = "SN-E2E-90210";
const char* const kOwner = "Hanako Example-Owner";
const char* const kCameraMake = "E2ETestCam";

using Bytes = std::vector<std::uint8_t>;

Bytes read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_bytes(const fs::path& p, const Bytes& b) {
  std::ofstream out(p, std::ios::binary);
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

bool contains(const Bytes& hay, const std::string& needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

/// A red ball with a yellow band on teal, at a different place and size in each photo.
cv::Mat ball_photo(int i) {
  cv::Mat img(128, 128, CV_8UC3, cv::Scalar(150, 140, 20));  // BGR
  const cv::Point c(44 + 8 * (i % 4), 50 + 7 * (i % 3));
  const int r = 30 + 3 * (i % 2);
  cv::circle(img, c, r, cv::Scalar(40, 30, 220), cv::FILLED);
  cv::rectangle(img, cv::Rect(c.x - r, c.y - 5, 2 * r, 10) & cv::Rect(0, 0, 128, 128), cv::Scalar(30, 220, 250),
                cv::FILLED);
  return img;
}

Bytes encode(const cv::Mat& m, const std::string& ext) {
  std::vector<uchar> buf;
  cv::imencode(ext, m, buf, {cv::IMWRITE_JPEG_QUALITY, 95});
  return Bytes(buf.begin(), buf.end());
}

/// A JPEG that carries GPS, a serial number, an owner name, a camera make and a thumbnail.
Bytes with_private_metadata(const Bytes& jpeg) {
  Exiv2::XmpParser::initialize();
  auto image = rashisa::exiv2_compat::open(jpeg.data(), jpeg.size());
  image->readMetadata();
  Exiv2::ExifData& exif = image->exifData();
  exif["Exif.Image.Make"] = kCameraMake;
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  exif["Exif.GPSInfo.GPSLatitude"] = "35/1 39/1 2934/100";
  exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
  exif["Exif.GPSInfo.GPSLongitude"] = "139/1 44/1 4000/100";
  exif["Exif.Photo.BodySerialNumber"] = kSerial;
  exif["Exif.Photo.CameraOwnerName"] = kOwner;
  const Bytes thumb = encode(ball_photo(9)(cv::Rect(0, 0, 32, 32)).clone(), ".jpg");
  Exiv2::ExifThumb(exif).setJpegThumbnail(thumb.data(), static_cast<rashisa::exiv2_compat::Size>(thumb.size()));
  image->xmpData()["Xmp.dc.creator"] = kOwner;
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  return rashisa::exiv2_compat::read_all(io);
}

/// Metadata keys of a file that would locate or name someone.
std::vector<std::string> private_keys_in(const fs::path& file) {
  const Bytes bytes = read_bytes(file);
  auto image = rashisa::exiv2_compat::open(bytes.data(), bytes.size());
  image->readMetadata();
  std::vector<std::string> keys;
  for (const auto& d : image->exifData())
    if (d.key().find("GPS") != std::string::npos || d.key().find("Serial") != std::string::npos ||
        d.key().find("Owner") != std::string::npos || d.key().find("Thumbnail") != std::string::npos)
      keys.push_back(d.key());
  for (const auto& d : image->xmpData())
    if (d.key().find("GPS") != std::string::npos || d.key() == "Xmp.dc.creator") keys.push_back(d.key());
  return keys;
}

std::vector<std::string> train_args(const fs::path& project) {
  return {"project", "train", project.string(), "--name", "ball", "--category", "toy", "--device", "cpu",
          "--resolution", "64", "--seed", "3", "--checkpoint-every", "1", "--checkpoint-minutes", "0", "--stage1-steps", "4", "--stage2-steps", "30",
          "--stage3-steps", "6", "--stage1-batch", "2", "--stage2-batch", "2", "--stage3-batch", "2", "--stage3-lr",
          "1e-4", "--json"};
}

rashisa::ml::Concept package_of(const fs::path& project_path, const fs::path& scratch) {
  auto project = rashisa::store::Project::open(project_path);
  const auto concepts = project.list_concepts();
  EXPECT_EQ(concepts.size(), 1u);
  const auto bytes = project.load_package(concepts.at(0).id);
  EXPECT_TRUE(bytes.has_value());
  const fs::path file = scratch / (project_path.stem().string() + ".safetensors");
  write_bytes(file, *bytes);
  return rashisa::ml::load_concept(file);
}

std::string stage2_step_marker(const std::string& line) {
  // Progress lines look like "stage 2/3 attention [###...] 3/30 ..." on a pipe.
  if (line.find("stage 2/3") == std::string::npos) return {};
  const auto close = line.find("] ");
  return close == std::string::npos ? std::string() : line.substr(close + 2, line.find('/', close) - close - 2);
}

class ProjectEndToEnd : public ::testing::TestWithParam<std::string> {};

TEST_P(ProjectEndToEnd, WholeJobHeadless) {
  const fs::path model = rashisa::testing::reference_dir() /
                         rashisa::testing::manifest().at("models").at(GetParam()).at("path").get<std::string>();
  const fs::path dir = fs::temp_directory_path() / ("rashisa_e2e_" + GetParam() + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "photos");
  fs::create_directories(dir / "export");
  const fs::path project = dir / "catalogue.rashisa";
  const fs::path uninterrupted = dir / "reference.rashisa";

  // Photos: six good ones (one with private metadata), three that cannot be used.
  for (int i = 0; i < 5; ++i) write_bytes(dir / "photos" / ("ball" + std::to_string(i) + ".png"), encode(ball_photo(i), ".png"));
  const Bytes private_jpeg = with_private_metadata(encode(ball_photo(5), ".jpg"));
  ASSERT_TRUE(contains(private_jpeg, kSerial) && contains(private_jpeg, kOwner));
  write_bytes(dir / "photos" / "ball5-gps.jpg", private_jpeg);
  const Bytes full = encode(ball_photo(6), ".jpg");
  write_bytes(dir / "photos" / "cut.jpg", Bytes(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(full.size() / 2)));
  write_bytes(dir / "photos" / "notes.jpg", Bytes{'m', 'e', 'e', 't', 'i', 'n', 'g', '\n'});
  write_bytes(dir / "photos" / "empty.png", Bytes{});

  ASSERT_EQ(run_cli({"project", "new", project.string()}).status, 0);
  EXPECT_NE(run_cli({"project", "new", project.string()}).status, 0) << "an existing project must never be replaced";

  auto added = run_cli({"project", "add-photos", project.string(), (dir / "photos").string(), "--json"});
  EXPECT_EQ(added.status, 3) << "some files could not be added";
  std::map<std::string, std::string> errors;
  int ok = 0;
  for (const auto& r : added.json()) {
    const std::string file = fs::path(r.at("file").get<std::string>()).filename().string();
    if (r.at("ok").get<bool>()) {
      ++ok;
      if (file == "ball5-gps.jpg") {
        EXPECT_FALSE(r.at("removed_metadata").empty());
      }
    } else {
      errors[file] = r.at("error").get<std::string>();
      EXPECT_FALSE(r.at("message").get<std::string>().empty());
    }
  }
  EXPECT_EQ(ok, 6);
  EXPECT_EQ(errors["cut.jpg"], "truncated");
  EXPECT_EQ(errors["notes.jpg"], "not-an-image");
  EXPECT_EQ(errors["empty.png"], "empty");

  const auto check = run_cli({"project", "check", project.string(), "--json"});
  EXPECT_EQ(check.status, 0) << "warnings only";
  std::set<std::string> codes;
  const json findings = check.json().at("findings");
  for (const auto& f : findings) codes.insert(f.at("code").get<std::string>());
  EXPECT_TRUE(codes.count("low-resolution")) << check.out;

  // Training before a base model is chosen says so and sets nothing up.
  EXPECT_EQ(run_cli(train_args(project)).status, 2);
  EXPECT_TRUE(run_cli({"project", "info", project.string(), "--json"}).json().at("products").empty());

  const auto set_model = run_cli({"project", "set-model", project.string(), model.string(), "--json"});
  ASSERT_EQ(set_model.status, 0);
  const std::string base_hash = set_model.json().at("sha256").get<std::string>();
  EXPECT_EQ(base_hash.size(), 64u);

  // Training, killed in stage 2, then continued by running the same command again.
  const auto killed = run_cli(train_args(project), [](const std::string& line) {
    const std::string step = stage2_step_marker(line);
    return !step.empty() && std::stoi(step) >= 3;
  });
  ASSERT_EQ(killed.status, -SIGKILL) << "training was not killed in stage 2";
  const auto paused = run_cli({"project", "info", project.string(), "--json"}).json();
  ASSERT_EQ(paused.at("products").size(), 1u);
  EXPECT_TRUE(paused["products"][0].at("has_checkpoint").get<bool>());
  EXPECT_FALSE(paused["products"][0].at("trained").get<bool>());
  EXPECT_EQ(paused["products"][0].at("stage").get<int>(), 2);
  const auto resumed = run_cli({"project", "train", project.string(), "--name", "ball", "--device", "cpu", "--json"});
  ASSERT_EQ(resumed.status, 0);
  EXPECT_EQ(resumed.json().at("resumed_stage").get<int>(), 2);
  EXPECT_GT(resumed.json().at("resumed_step").get<int>(), 0);

  ASSERT_EQ(run_cli({"project", "new", uninterrupted.string(), "--no-templates"}).status, 0);
  ASSERT_EQ(run_cli({"project", "add-photos", uninterrupted.string(), (dir / "photos").string()}).status, 3);
  ASSERT_EQ(run_cli({"project", "set-model", uninterrupted.string(), model.string()}).status, 0);
  ASSERT_EQ(run_cli(train_args(uninterrupted)).status, 0);
  const auto a = package_of(project, dir);
  const auto b = package_of(uninterrupted, dir);
  EXPECT_TRUE(torch::equal(a.embedding, b.embedding)) << "a resumed run must equal an uninterrupted one";
  ASSERT_EQ(a.unet_delta.size(), b.unet_delta.size());
  for (const auto& [name, delta] : a.unet_delta) EXPECT_TRUE(torch::equal(delta, b.unet_delta.at(name))) << name;

  // A template from a file, expanded and generated as a batch.
  const json templates = {
      {"format", "rashisa-templates/1"},
      {"templates",
       {{{"id", "e2e-table"}, {"label", {{"en", "Table"}, {"ja", "テーブル"}}},
         {"prompt", "a photo of {product} on {surface}"}, {"negative_prompt", "blurry"},
         {"variables", {{{"name", "surface"}, {"values", {"a white table", "green grass"}}}}},
         {"width", 64}, {"height", 64}, {"steps", 4}, {"guidance", 6.5}, {"sampler", "ddim"},
         {"images_per_prompt", 1}}}}};
  {
    std::ofstream(dir / "templates.json") << templates.dump(2);
  }
  ASSERT_EQ(run_cli({"project", "add-template", project.string(), (dir / "templates.json").string()}).status, 0);
  const auto expanded = run_cli({"project", "expand", project.string(), "--template", "e2e-table", "--json"}).json();
  ASSERT_EQ(expanded.at("prompts").size(), 2u);
  EXPECT_EQ(expanded["prompts"][0].at("prompt").get<std::string>(), "a photo of <rashisa> toy on a white table");

  const auto batch = run_cli({"project", "generate", project.string(), "--template", "e2e-table", "--seeds", "5,9",
                              "--device", "cpu", "--json"});
  ASSERT_EQ(batch.status, 0) << batch.out;
  EXPECT_EQ(batch.json().at("jobs").at(0).at("made").get<int>(), 4);
  ASSERT_EQ(run_cli({"project", "generate", project.string(), "--template", "e2e-table", "--seeds", "13", "--queue-only"})
                .status,
            0);
  const auto resumed_job = run_cli({"project", "generate", project.string(), "--resume", "--device", "cpu", "--json"});
  ASSERT_EQ(resumed_job.status, 0);
  EXPECT_EQ(resumed_job.json().at("jobs").at(0).at("made").get<int>(), 2);

  // A batch killed in the middle of its third image continues after the last stored one.
  const auto killed_job = run_cli({"project", "generate", project.string(), "--template", "e2e-table", "--seeds",
                                   "21,22,23", "--device", "cpu"},
                                  [](const std::string& line) { return line.find("image 3/6") != std::string::npos; });
  ASSERT_EQ(killed_job.status, -SIGKILL);
  const auto continued = run_cli({"project", "generate", project.string(), "--resume", "--device", "cpu", "--json"});
  ASSERT_EQ(continued.status, 0);
  EXPECT_EQ(continued.json().at("jobs").at(0).at("already_done").get<int>(), 2);
  EXPECT_EQ(continued.json().at("jobs").at(0).at("made").get<int>(), 4);
  const auto jobs = run_cli({"project", "jobs", project.string(), "--json"}).json();
  ASSERT_EQ(jobs.size(), 3u);
  for (const auto& j : jobs) {
    EXPECT_EQ(j.at("status").get<std::string>(), "done");
    EXPECT_EQ(j.at("done"), j.at("total"));
  }

  const auto images = run_cli({"project", "images", project.string(), "--json"}).json();
  ASSERT_EQ(images.size(), 12u);
  for (const auto& i : images) {
    EXPECT_EQ(i.at("base_model_sha256").get<std::string>(), base_hash);
    EXPECT_NE(i.at("prompt").get<std::string>().find("<rashisa> toy"), std::string::npos);
    EXPECT_EQ(i.at("steps").get<int>(), 4);
    EXPECT_EQ(i.at("sampler").get<std::string>(), "ddim");
  }

  // Review: approve three, reject one; only approved images leave the project.
  const std::string first = std::to_string(images[0].at("id").get<int>());
  const std::string third = std::to_string(images[2].at("id").get<int>());
  const std::string fourth = std::to_string(images[3].at("id").get<int>());
  ASSERT_EQ(run_cli({"project", "review", project.string(), "--approve", first + "-" + third, "--reject", fourth, "--by",
                     "e2e-reviewer"})
                .status,
            0);
  EXPECT_NE(run_cli({"project", "export", project.string(), "--out", (dir / "export").string(), "--images", fourth}).status,
            0);
  const auto exported = run_cli({"project", "export", project.string(), "--out", (dir / "export").string(),
                                 "--contact-sheet", (dir / "sheet.png").string(), "--json"});
  ASSERT_EQ(exported.status, 0);
  ASSERT_EQ(exported.json().at("files").size(), 3u);
  const auto jpeg = run_cli({"project", "export", project.string(), "--out", (dir / "export").string(), "--images", first,
                             "--format", "jpeg", "--quality", "90", "--include-prompts", "--json"});
  ASSERT_EQ(jpeg.status, 0);
  EXPECT_TRUE(fs::exists(dir / "sheet.png"));

  std::vector<json> files = exported.json().at("files").get<std::vector<json>>();
  files.push_back(jpeg.json().at("files").at(0));
  for (const auto& f : files) {
    const fs::path path = f.at("file").get<std::string>();
    const int id = f.at("image").get<int>();
    const auto record = *std::find_if(images.begin(), images.end(), [&](const json& i) { return i.at("id") == id; });
    const auto read = rashisa::exporting::read_provenance(path.string());
    EXPECT_EQ(read.digital_source_type, rashisa::exporting::kTrainedAlgorithmicMedia) << path;
    // Default name pattern {product}-{template}-{image}.
    EXPECT_EQ(path.filename().stem().string(), "ball-e2e-table-" + std::to_string(id)) << path;
    const bool with_prompts = path.extension() == ".jpg";  // only the JPEG export asked for them
    EXPECT_EQ(read.provenance.prompt, with_prompts ? record.at("prompt").get<std::string>() : "") << path;
    EXPECT_EQ(read.provenance.negative_prompt, with_prompts ? "blurry" : "") << path;
    EXPECT_EQ(read.provenance.seed, record.at("seed").get<std::uint64_t>());
    EXPECT_EQ(read.provenance.sampler, "ddim");
    EXPECT_EQ(read.provenance.steps, 4);
    EXPECT_DOUBLE_EQ(read.provenance.guidance, 6.5);
    EXPECT_EQ(read.provenance.base_model_hash, base_hash);
    EXPECT_FALSE(read.provenance.concept_id.empty());
    if (with_prompts)
      EXPECT_NE(read.parameters.find("Seed: " + std::to_string(record.at("seed").get<long long>())), std::string::npos);
    else
      EXPECT_TRUE(read.parameters.empty()) << read.parameters;
    EXPECT_TRUE(private_keys_in(path).empty()) << path;
    const Bytes bytes = read_bytes(path);
    for (const char* marker : {kSerial, kOwner, kCameraMake, "35/1 39/1"}) EXPECT_FALSE(contains(bytes, marker)) << path;
  }
  // Nor does the project file keep them (the photo was stored without its personal metadata).
  const Bytes project_bytes = read_bytes(project);
  for (const char* marker : {kSerial, kOwner, kCameraMake}) EXPECT_FALSE(contains(project_bytes, marker)) << marker;

  // Every image made again from the project's record is the same image, bit for bit.
  std::string all_ids;
  for (const auto& i : images) all_ids += (all_ids.empty() ? "" : ",") + std::to_string(i.at("id").get<int>());
  const auto remade = run_cli({"project", "regenerate", project.string(), all_ids, "--device", "cpu", "--json"});
  EXPECT_EQ(remade.status, 0) << remade.out;
  EXPECT_TRUE(remade.json().at("identical").get<bool>());

  // The audit log names the reviewer and every exported file.
  const auto log = run_cli({"project", "log", project.string(), "--json"}).json();
  int exports = 0, reviews_by_reviewer = 0;
  for (const auto& e : log) {
    exports += e.at("action") == "image.export";
    reviews_by_reviewer += e.at("action") == "image.review" && e.at("who") == "e2e-reviewer";
  }
  EXPECT_EQ(exports, 4);
  EXPECT_EQ(reviews_by_reviewer, 4);

  // Removing the product asks first (images were made with it); then its training data goes,
  // the images stay, and remaking one says why it cannot.
  EXPECT_EQ(run_cli({"project", "remove-product", project.string(), "ball"}).status, 2);
  EXPECT_EQ(run_cli({"project", "info", project.string(), "--json"}).json().at("products").size(), 1u);
  const auto removed = run_cli({"project", "remove-product", project.string(), "ball", "--yes", "--json"});
  ASSERT_EQ(removed.status, 0) << removed.out;
  EXPECT_EQ(removed.json().at("images_kept").get<std::size_t>(), 12u);
  const auto after = run_cli({"project", "info", project.string(), "--json"}).json();
  EXPECT_TRUE(after.at("products").empty());
  EXPECT_EQ(after.at("images").get<std::size_t>(), 12u);
  EXPECT_EQ(run_cli({"project", "regenerate", project.string(), first, "--device", "cpu"}).status, 2);
  EXPECT_EQ(run_cli({"project", "remove-product", project.string(), "ball", "--yes"}).status, 2) << "already gone";
  if (!HasFailure()) fs::remove_all(dir);
}

std::vector<std::string> model_names() {
  std::vector<std::string> names;
  if (!rashisa::testing::reference_available()) return names;
  for (const auto& item : rashisa::testing::manifest().at("models").items()) names.push_back(item.key());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Ref, ProjectEndToEnd, ::testing::ValuesIn(model_names()),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                           std::string n = p.param;
                           std::replace_if(n.begin(), n.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return n;
                         });

}  // namespace
