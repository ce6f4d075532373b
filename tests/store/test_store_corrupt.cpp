// DB-5 (in small): bit-flipped, overwritten and truncated project files either open and
// read, or fail with a StoreError. Nothing else may escape and nothing may crash.
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <map>

#ifndef RASHISA_STORE_CORRUPT_CASES
#define RASHISA_STORE_CORRUPT_CASES 300
#endif

namespace rashisa::store {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

void fill(Project& p, std::mt19937_64& rng) {
  for (int i = 0; i < 3; ++i) {
    NewPhoto m;
    m.file_name = "p" + std::to_string(i);
    m.thumbnail_png = testing::random_bytes(rng, 500);
    p.add_photo(testing::random_bytes(rng, 3000 + 9000 * i), m);
  }
  const auto c = p.add_concept({"c", "sks", "dog", R"({"a":1})"});
  p.save_checkpoint(c, testing::random_bytes(rng, 20000), {ConceptStatus::Paused, 1, 5});
  p.save_package(c, testing::random_bytes(rng, 3000));
  TemplateSpec t;
  t.text = "{product}";
  const auto tid = p.add_template(t);
  JobSpec js;
  js.template_id = tid;
  js.concept_id = c;
  js.seeds = {1, 2};
  const auto j = p.add_job(js);
  NewImage im;
  im.job_id = j;
  im.params = {1, "ddim", 20, 7.5, 512, 512, "p", "", "{}", "h"};
  im.png = testing::random_bytes(rng, 6000);
  p.add_image(im);
}

/// Reads everything a user could look at.
void read_everything(const Project& p) {
  p.base_model();
  for (const auto& ph : p.list_photos()) {
    p.photo_bytes(ph.id);
    p.photo_thumbnail(ph.id);
  }
  for (const auto& c : p.list_concepts()) {
    p.load_checkpoint(c.id);
    p.load_package(c.id);
    p.concept_photos(c.id);
  }
  p.list_templates();
  for (const auto& j : p.list_jobs()) p.list_images(j.id);
  for (const auto& i : p.list_images()) p.image_png(i.id);
  p.audit_log();
  p.integrity_ok();
}

TEST(StoreCorrupt, DamagedFilesOpenOrFailWithAStoreError) {
  TempDir dir("corrupt_fuzz", /*prefer_ram=*/true);
  const fs::path good = dir / "good.rashisa";
  std::mt19937_64 rng(99);
  {
    Project p = Project::create(good);
    fill(p, rng);
  }
  const Bytes original = testing::read_all(good);
  const fs::path path = dir / "bad.rashisa";
  std::map<std::string, int> outcomes;
  for (int i = 0; i < RASHISA_STORE_CORRUPT_CASES; ++i) {
    Bytes b = original;
    switch (rng() % 4) {
      case 0:  // a few flipped bits anywhere
        for (int k = 0, n = 1 + static_cast<int>(rng() % 8); k < n; ++k) {
          b[rng() % b.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        }
        break;
      case 1: {  // a run of garbage
        const std::size_t at = rng() % b.size();
        for (std::size_t k = at; k < std::min(b.size(), at + 1 + rng() % 64); ++k) {
          b[k] = static_cast<std::uint8_t>(rng());
        }
        break;
      }
      case 2:  // truncated
        b.resize(rng() % b.size());
        break;
      default:  // flips in the first page, where the header and schema live
        for (int k = 0, n = 1 + static_cast<int>(rng() % 4); k < n; ++k) {
          b[rng() % std::min<std::size_t>(b.size(), 4096)] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        }
    }
    testing::write_all(path, b);
    std::string outcome;
    try {
      Project p = Project::open(path);
      outcome = "opened";
      read_everything(p);
      outcome = "read";
    } catch (const StoreError& e) {
      outcome += std::string(outcome.empty() ? "" : "+") + fault_name(e.fault());
    } catch (const std::exception& e) {
      ADD_FAILURE() << "case " << i << ": not a StoreError: " << e.what();
    }
    ++outcomes[outcome];
    std::error_code ec;
    fs::remove(path, ec);
    fs::path journal = path;
    journal += "-journal";
    fs::remove(journal, ec);
  }
  for (const auto& [k, n] : outcomes) std::printf("%-28s %d\n", k.c_str(), n);
}

}  // namespace
}  // namespace rashisa::store
