// Round trips of every kind of record through the Project API, the audit entries the
// changes leave, and the typed errors of bad calls.
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <sstream>

namespace rashisa::store {
namespace {

using testing::RawDb;
using testing::TempDir;
using testing::fault_of;
namespace fs = std::filesystem;

class StoreCrud : public ::testing::Test {
 protected:
  StoreCrud() : dir_("crud"), path_(dir_ / "p.rashisa"), p_(Project::create(path_)) {
    p_.set_actor("tester");
  }
  std::string last_action() { return p_.audit_log(1).at(0).action; }

  TempDir dir_;
  fs::path path_;
  Project p_;
  std::mt19937_64 rng_{42};
};

TEST_F(StoreCrud, FrontEndSettings) {
  EXPECT_EQ(p_.setting("ui.draft.name"), "");
  p_.set_setting("ui.draft.name", "青いマグ");
  p_.set_setting("ui.draft.category", "mug");
  p_.set_setting("ui.draft.name", "Blue mug");
  EXPECT_EQ(p_.setting("ui.draft.name"), "Blue mug");
  EXPECT_EQ(p_.setting("ui.draft.category"), "mug");
  p_.set_setting("ui.draft.category", "");
  EXPECT_EQ(p_.setting("ui.draft.category"), "");
  // The project's own settings cannot be reached or overwritten this way.
  p_.set_base_model({"/models/sd", "abc"});
  EXPECT_EQ(fault_of([&] { p_.set_setting("base_model.path", "/elsewhere"); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { (void)p_.setting("base_model.path"); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p_.set_setting("ui.x", std::string(70000, 'a')); }), StoreFault::Invalid);
  EXPECT_EQ(p_.base_model().path, "/models/sd");
  p_.close();
  Project again = Project::open(path_);
  EXPECT_EQ(again.setting("ui.draft.name"), "Blue mug");
}

TEST_F(StoreCrud, BaseModel) {
  EXPECT_EQ(p_.base_model().path, "");
  p_.set_base_model({"/models/sd15", "abc123"});
  EXPECT_EQ(p_.base_model().path, "/models/sd15");
  EXPECT_EQ(p_.base_model().sha256, "abc123");
  p_.set_base_model({"/models/sd21", "def"});
  EXPECT_EQ(p_.base_model().path, "/models/sd21");
  EXPECT_EQ(last_action(), "model.set");
}

TEST_F(StoreCrud, Photos) {
  const Bytes a = testing::random_bytes(rng_, 300000);  // spans overflow pages
  NewPhoto m;
  m.file_name = "写真1.jpg";
  m.width = 4000;
  m.height = 3000;
  m.orientation = 6;
  m.findings = R"([{"kind":"blur","score":0.2}])";
  m.thumbnail_png = Bytes{1, 2, 3};
  const auto id = p_.add_photo(a, m);
  EXPECT_EQ(last_action(), "photo.add");
  EXPECT_EQ(p_.audit_log(1)[0].who, "tester");

  const auto list = p_.list_photos();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].id, id);
  EXPECT_EQ(list[0].file_name, "写真1.jpg");
  EXPECT_EQ(list[0].sha256, sha256_hex(a.data(), a.size()));
  EXPECT_EQ(list[0].byte_size, 300000);
  EXPECT_EQ(list[0].width, 4000);
  EXPECT_EQ(list[0].height, 3000);
  EXPECT_EQ(list[0].orientation, 6);
  EXPECT_EQ(list[0].findings, m.findings);
  EXPECT_TRUE(list[0].has_thumbnail);
  EXPECT_EQ(list[0].added_at.size(), 24u);
  EXPECT_EQ(p_.photo_bytes(id), a);
  EXPECT_EQ(p_.photo_thumbnail(id), m.thumbnail_png);

  // The same bytes under another name are a duplicate.
  m.file_name = "copy.jpg";
  EXPECT_EQ(fault_of([&] { p_.add_photo(a, m); }), StoreFault::Duplicate);
  m.thumbnail_png.clear();
  const auto id2 = p_.add_photo(Bytes{9, 9, 9}, m);
  EXPECT_FALSE(p_.get_photo(id2).has_thumbnail);
  EXPECT_TRUE(p_.photo_thumbnail(id2).empty());

  p_.set_photo_findings(id2, "[]");
  EXPECT_EQ(p_.get_photo(id2).findings, "[]");
  EXPECT_EQ(fault_of([&] { p_.set_photo_findings(id2, "{not json"); }), StoreFault::Invalid);
  m.orientation = 9;
  EXPECT_EQ(fault_of([&] { p_.add_photo(Bytes{7}, m); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p_.add_photo(Bytes{}, NewPhoto{}); }), StoreFault::Invalid);

  p_.remove_photo(id);
  EXPECT_EQ(last_action(), "photo.remove");
  EXPECT_EQ(p_.list_photos().size(), 1u);
  EXPECT_EQ(fault_of([&] { p_.photo_bytes(id); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p_.remove_photo(id); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p_.get_photo(12345); }), StoreFault::NotFound);
}

TEST_F(StoreCrud, PhotoBytesAreCheckedAgainstTheirHash) {
  NewPhoto m;
  m.file_name = "x.jpg";
  const Bytes a(5000, 0x5A);
  const auto id = p_.add_photo(a, m);
  p_.close();
  {
    RawDb db(path_);
    db.exec("UPDATE photos SET original = zeroblob(5000) WHERE id = " + std::to_string(id));
  }
  p_ = Project::open(path_);
  EXPECT_EQ(fault_of([&] { p_.photo_bytes(id); }), StoreFault::Damaged);
}

TEST_F(StoreCrud, ConceptsWithCheckpointsAndPackages) {
  const auto c = p_.add_concept({"Green bottle", "sks", "bottle", R"({"lr":1e-5})"});
  EXPECT_EQ(fault_of([&] { p_.add_concept({"Green bottle", "xyz", "bottle", "{}"}); }),
            StoreFault::Duplicate);
  EXPECT_EQ(fault_of([&] { p_.add_concept({"", "xyz", "bottle", "{}"}); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p_.add_concept({"n", "t", "c", "[1]"}); }), StoreFault::Invalid);

  Concept got = p_.get_concept(c);
  EXPECT_EQ(got.spec.name, "Green bottle");
  EXPECT_EQ(got.spec.token, "sks");
  EXPECT_EQ(got.spec.category, "bottle");
  EXPECT_EQ(got.spec.settings, R"({"lr":1e-5})");
  EXPECT_EQ(got.progress.status, ConceptStatus::New);
  EXPECT_FALSE(got.checkpoint_size);
  EXPECT_FALSE(p_.load_checkpoint(c));

  p_.update_concept(c, {"Bottle", "sks", "bottle", "{}"});
  EXPECT_EQ(p_.get_concept(c).spec.name, "Bottle");
  p_.set_concept_progress(c, {ConceptStatus::Training, 2, 150});
  got = p_.get_concept(c);
  EXPECT_EQ(got.progress.status, ConceptStatus::Training);
  EXPECT_EQ(got.progress.stage, 2);
  EXPECT_EQ(got.progress.step, 150);

  // 2.5 chunks, then a smaller replacement: the old chunks must go.
  const Bytes ck1 = testing::random_bytes(rng_, kBlobChunkSize * 5 / 2);
  p_.save_checkpoint(c, ck1, {ConceptStatus::Paused, 2, 200});
  got = p_.get_concept(c);
  EXPECT_EQ(got.checkpoint_size, static_cast<std::int64_t>(ck1.size()));
  EXPECT_EQ(got.progress.status, ConceptStatus::Paused);
  EXPECT_EQ(got.progress.step, 200);
  EXPECT_EQ(*p_.load_checkpoint(c), ck1);
  EXPECT_EQ(last_action(), "concept.checkpoint");

  const Bytes ck2 = testing::random_bytes(rng_, kBlobChunkSize);  // exactly one chunk
  std::istringstream in(std::string(ck2.begin(), ck2.end()));
  p_.save_checkpoint(c, in, {ConceptStatus::Paused, 3, 0});
  std::ostringstream out;
  EXPECT_TRUE(p_.load_checkpoint(c, out));
  EXPECT_EQ(out.str(), std::string(ck2.begin(), ck2.end()));

  p_.save_package(c, Bytes{});  // an empty package is still a package
  EXPECT_EQ(p_.get_concept(c).package_size, 0);
  EXPECT_EQ(*p_.load_package(c), Bytes{});
  const Bytes pkg = testing::random_bytes(rng_, 12345);
  p_.save_package(c, pkg);
  EXPECT_EQ(*p_.load_package(c), pkg);

  p_.clear_checkpoint(c);
  EXPECT_FALSE(p_.load_checkpoint(c));
  EXPECT_FALSE(p_.get_concept(c).checkpoint_size);
  p_.close();
  {
    RawDb db(path_, SQLITE_OPEN_READONLY);
    EXPECT_EQ(db.scalar("SELECT count(*) FROM blobs"), 1);  // the package only
    EXPECT_EQ(db.scalar("SELECT count(*) FROM blob_chunks"), 1);
  }
  p_ = Project::open(path_);
  p_.remove_concept(c);
  EXPECT_EQ(last_action(), "concept.remove");
  EXPECT_TRUE(p_.list_concepts().empty());
  EXPECT_EQ(fault_of([&] { p_.load_package(c); }), StoreFault::NotFound);
  p_.close();
  RawDb db(path_, SQLITE_OPEN_READONLY);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM blobs"), 0);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM blob_chunks"), 0);
}

TEST_F(StoreCrud, DamagedCheckpointIsReported) {
  const auto c = p_.add_concept({"c", "sks", "dog", "{}"});
  p_.save_checkpoint(c, testing::random_bytes(rng_, kBlobChunkSize + 10), {});
  p_.close();
  {
    RawDb db(path_);
    db.exec("DELETE FROM blob_chunks WHERE chunk_index = 1");
  }
  p_ = Project::open(path_);
  EXPECT_EQ(fault_of([&] { p_.load_checkpoint(c); }), StoreFault::Damaged);
}

TEST_F(StoreCrud, ConceptPhotos) {
  NewPhoto m;
  const auto a = p_.add_photo(Bytes{1}, m);
  const auto b = p_.add_photo(Bytes{2}, m);
  const auto c = p_.add_concept({"c", "sks", "dog", "{}"});
  p_.set_concept_photos(c, {b, a});
  EXPECT_EQ(p_.concept_photos(c), (std::vector<std::int64_t>{a, b}));
  EXPECT_EQ(fault_of([&] { p_.set_concept_photos(c, {a, 999}); }), StoreFault::NotFound);
  EXPECT_EQ(p_.concept_photos(c).size(), 2u);  // the failed call changed nothing
  p_.remove_photo(a);
  EXPECT_EQ(p_.concept_photos(c), std::vector<std::int64_t>{b});
  const AuditEntry set = p_.audit_log(2).at(0);  // the failed call left no entry
  EXPECT_EQ(set.action, "concept.photos");
  EXPECT_EQ(set.details, "{\"concept\":" + std::to_string(c) + ",\"photos\":[" + std::to_string(b) +
                             "," + std::to_string(a) + "]}");
}

TEST_F(StoreCrud, Templates) {
  TemplateSpec t;
  t.text = "{product} on {background}, {style}";
  t.variables = R"({"background":["white studio","wooden table"],"style":["catalogue"]})";
  t.label_ja = "白背景";
  t.label_en = "White background";
  t.negative_prompt = "blurry";
  t.width = 768;
  t.height = 512;
  t.steps = 25;
  t.guidance = 6.5;
  t.sampler = "dpmsolver++";
  t.images_per_prompt = 4;
  const auto id = p_.add_template(t);
  const Template got = p_.get_template(id);
  EXPECT_EQ(got.spec.text, t.text);
  EXPECT_EQ(got.spec.variables, t.variables);
  EXPECT_EQ(got.spec.label_ja, t.label_ja);
  EXPECT_EQ(got.spec.label_en, t.label_en);
  EXPECT_EQ(got.spec.negative_prompt, t.negative_prompt);
  EXPECT_EQ(got.spec.width, 768);
  EXPECT_EQ(got.spec.height, 512);
  EXPECT_EQ(got.spec.steps, 25);
  EXPECT_DOUBLE_EQ(got.spec.guidance, 6.5);
  EXPECT_EQ(got.spec.sampler, "dpmsolver++");
  EXPECT_EQ(got.spec.images_per_prompt, 4);

  t.width = 500;
  EXPECT_EQ(fault_of([&] { p_.add_template(t); }), StoreFault::Invalid);
  t.width = 512;
  t.variables = "[]";
  EXPECT_EQ(fault_of([&] { p_.update_template(id, t); }), StoreFault::Invalid);
  t.variables = "{}";
  t.text = "changed";
  p_.update_template(id, t);
  EXPECT_EQ(p_.list_templates().at(0).spec.text, "changed");
  EXPECT_EQ(last_action(), "template.update");
  p_.remove_template(id);
  EXPECT_TRUE(p_.list_templates().empty());
  EXPECT_EQ(fault_of([&] { p_.get_template(id); }), StoreFault::NotFound);
}

TEST_F(StoreCrud, JobsImagesAndReviews) {
  TemplateSpec ts;
  ts.text = "{product}";
  const auto t = p_.add_template(ts);
  const auto c = p_.add_concept({"c", "sks", "dog", "{}"});
  JobSpec js;
  js.template_id = t;
  js.concept_id = c;
  js.seeds = {0, 42, 9223372036854775807LL};
  js.total = 3;
  const auto j = p_.add_job(js);
  Job job = p_.get_job(j);
  EXPECT_EQ(job.spec.seeds, js.seeds);
  EXPECT_EQ(job.spec.template_id, t);
  EXPECT_EQ(job.status, JobStatus::Queued);
  EXPECT_EQ(job.created_by, "tester");
  JobSpec bad;
  bad.seeds = {-1};
  EXPECT_EQ(fault_of([&] { p_.add_job(bad); }), StoreFault::Invalid);
  bad.seeds.clear();
  bad.template_id = 12345;
  EXPECT_EQ(fault_of([&] { p_.add_job(bad); }), StoreFault::NotFound);

  p_.set_job_status(j, JobStatus::Running);
  const auto audit_before = p_.audit_log().size();
  p_.set_job_progress(j, 2);
  EXPECT_EQ(p_.audit_log().size(), audit_before);  // progress is not audited
  EXPECT_EQ(p_.get_job(j).done, 2);

  NewImage im;
  im.job_id = j;
  im.concept_id = c;
  im.params = {42, "ddim", 30, 7.5, 512, 512, "sks dog on a table", "blurry",
               R"({"background":"table"})", "deadbeef"};
  im.png = testing::random_bytes(rng_, 70000);
  const auto i1 = p_.add_image(im);
  im.params.seed = 43;
  const auto i2 = p_.add_image(im);
  NewImage loose = im;
  loose.job_id.reset();
  const auto i3 = p_.add_image(loose);

  const auto images = p_.list_images(j);
  ASSERT_EQ(images.size(), 2u);
  EXPECT_EQ(images[0].id, i1);
  EXPECT_EQ(images[0].params.seed, 42);
  EXPECT_EQ(images[0].params.sampler, "ddim");
  EXPECT_EQ(images[0].params.steps, 30);
  EXPECT_DOUBLE_EQ(images[0].params.guidance, 7.5);
  EXPECT_EQ(images[0].params.prompt, "sks dog on a table");
  EXPECT_EQ(images[0].params.negative_prompt, "blurry");
  EXPECT_EQ(images[0].params.template_values, R"({"background":"table"})");
  EXPECT_EQ(images[0].params.base_model_sha256, "deadbeef");
  EXPECT_EQ(images[0].byte_size, 70000);
  EXPECT_EQ(images[0].concept_id, c);
  EXPECT_EQ(images[0].review, Review::New);
  EXPECT_EQ(p_.list_images().size(), 3u);
  EXPECT_EQ(p_.image_png(i2), im.png);

  p_.set_review(i1, Review::Approved, "reviewer-a");
  const ImageInfo r = p_.get_image(i1);
  EXPECT_EQ(r.review, Review::Approved);
  EXPECT_EQ(r.reviewer, "reviewer-a");
  EXPECT_FALSE(r.reviewed_at.empty());
  const AuditEntry e = p_.audit_log(1)[0];
  EXPECT_EQ(e.action, "image.review");
  EXPECT_EQ(e.who, "reviewer-a");
  EXPECT_EQ(fault_of([&] { p_.set_review(i1, Review::Rejected, ""); }), StoreFault::Invalid);

  // Deleting the concept keeps its images but forgets the link.
  p_.remove_concept(c);
  EXPECT_FALSE(p_.get_image(i1).concept_id);
  EXPECT_FALSE(p_.get_job(j).spec.concept_id);
  p_.remove_template(t);
  EXPECT_FALSE(p_.get_job(j).spec.template_id);

  p_.set_job_status(j, JobStatus::Failed, "out of memory");
  EXPECT_EQ(p_.get_job(j).error, "out of memory");
  p_.remove_job(j);
  EXPECT_EQ(p_.list_images().size(), 1u);
  EXPECT_EQ(p_.list_images()[0].id, i3);
  EXPECT_EQ(fault_of([&] { p_.list_images(j); }), StoreFault::NotFound);
  p_.remove_image(i3);
  EXPECT_TRUE(p_.list_images().empty());
  EXPECT_TRUE(p_.integrity_ok());
}

TEST_F(StoreCrud, AuditLog) {
  p_.log_action("image.export", R"({"image":1,"to":"/tmp/out.png"})");
  EXPECT_EQ(fault_of([&] { p_.log_action("image.export", "[1]"); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p_.log_action("", "{}"); }), StoreFault::Invalid);
  const auto all = p_.audit_log();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].action, "project.create");
  EXPECT_EQ(all[1].action, "image.export");
  EXPECT_EQ(all[1].who, "tester");
  EXPECT_LT(all[0].id, all[1].id);
  // Names with quotes and control characters still make valid JSON details.
  p_.add_concept({"a \"quoted\"\n\\name", "sks", "x", "{}"});
  RawDb db(path_, SQLITE_OPEN_READONLY);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM audit_log WHERE NOT json_valid(details)"), 0);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM audit_log WHERE details ->> '$.name' = 'a \"quoted\"\n\\name'"), 1);
}

TEST_F(StoreCrud, SaveCopyIsIdenticalInContent) {
  NewPhoto m;
  m.file_name = "a.jpg";
  p_.add_photo(testing::random_bytes(rng_, 200000), m);
  const auto c = p_.add_concept({"c", "sks", "dog", "{}"});
  p_.save_checkpoint(c, testing::random_bytes(rng_, kBlobChunkSize + 1), {});
  const fs::path copy = dir_ / "copy.rashisa";
  testing::write_all(copy, Bytes{'o', 'l', 'd'});  // replaced atomically
  p_.save_copy(copy);
  EXPECT_EQ(fault_of([&] { p_.save_copy(path_); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p_.save_copy(dir_ / "nope" / "x.rashisa"); }), StoreFault::Missing);
  {
    Project q = Project::open(copy);
    EXPECT_TRUE(q.integrity_ok());
    EXPECT_EQ(q.file_settings().application_id, kApplicationId);
    EXPECT_EQ(q.list_photos().size(), 1u);
    EXPECT_EQ(q.load_checkpoint(c)->size(), kBlobChunkSize + 1);
  }
  p_.close();
  RawDb a(path_, SQLITE_OPEN_READONLY);
  RawDb b(copy, SQLITE_OPEN_READONLY);
  EXPECT_EQ(a.content_digest(), b.content_digest());
  // Only the project and the copy: the temporary is gone.
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_.path()), fs::directory_iterator()), 2);
}

TEST_F(StoreCrud, MovedFromProjectIsClosed) {
  Project q = std::move(p_);
  EXPECT_TRUE(q.is_open());
  EXPECT_FALSE(p_.is_open());
  EXPECT_EQ(fault_of([&] { p_.list_concepts(); }), StoreFault::Closed);
  EXPECT_NO_THROW(q.list_concepts());
}

}  // namespace
}  // namespace rashisa::store
