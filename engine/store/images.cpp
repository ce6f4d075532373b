// Generated images with everything needed to reproduce them, and their review status.
#include "engine/core/space_advice.h"
#include "engine/store/project_impl.h"

namespace rashisa::store {
namespace {

Review review_from(const std::string& s) {
  if (s == "approved") return Review::Approved;
  if (s == "rejected") return Review::Rejected;
  return Review::New;
}

constexpr const char* kImageSelect =
    "SELECT id, job_id, concept_id, seed, sampler, steps, guidance, width, height, prompt, "
    "negative_prompt, template_values, base_model_sha256, length(png), created_at, review, "
    "reviewer, reviewed_at FROM images ";

ImageInfo image_from(const sql::Statement& s) {
  ImageInfo i;
  i.id = s.int64(0);
  i.job_id = s.opt_int64(1);
  i.concept_id = s.opt_int64(2);
  i.params.seed = s.int64(3);
  i.params.sampler = s.text(4);
  i.params.steps = s.int32(5);
  i.params.guidance = s.real(6);
  i.params.width = s.int32(7);
  i.params.height = s.int32(8);
  i.params.prompt = s.text(9);
  i.params.negative_prompt = s.text(10);
  i.params.template_values = s.text(11);
  i.params.base_model_sha256 = s.text(12);
  i.byte_size = s.int64(13);
  i.created_at = s.text(14);
  i.review = review_from(s.text(15));
  i.reviewer = s.text(16);
  i.reviewed_at = s.text(17);
  return i;
}

void validate(sqlite3* db, const NewImage& image) {
  const GenerationParams& p = image.params;
  detail::require(!image.png.empty(), "A generated image needs its PNG bytes.");
  detail::require(p.seed >= 0, "Seeds must be between 0 and 2^63-1.");
  detail::require(p.steps > 0 && p.width > 0 && p.height > 0,
                  "A generated image needs positive steps, width and height.");
  detail::require(!p.sampler.empty(), "A generated image must name its sampler.");
  detail::require_json(db, p.template_values, "template values", true);
}

std::int64_t insert_image(Project::Impl& im, const NewImage& image) {
  sqlite3* db = im.get();
  validate(db, image);
  const char* what = "Could not save the generated image";
  sql::Transaction tx(db, what);
  if (image.job_id) detail::require_row(db, "jobs", "Generation job", *image.job_id);
  if (image.concept_id) detail::require_row(db, "concepts", "Concept", *image.concept_id);
  const GenerationParams& p = image.params;
  sql::Statement s(db,
                   "INSERT INTO images(job_id, concept_id, seed, sampler, steps, guidance, width, "
                   "height, prompt, negative_prompt, template_values, base_model_sha256, "
                   "created_at, png) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   what);
  s.bind(1, image.job_id).bind(2, image.concept_id).bind(3, p.seed).bind(4, p.sampler);
  s.bind(5, p.steps).bind(6, p.guidance).bind(7, p.width).bind(8, p.height).bind(9, p.prompt);
  s.bind(10, p.negative_prompt).bind(11, p.template_values).bind(12, p.base_model_sha256);
  s.bind(13, sql::now_utc()).bind_blob(14, image.png.data(), image.png.size()).run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  if (image.job_id) {
    // The job's count moves with its image, in the same transaction: a kill between the two
    // can never leave a stored image uncounted. (A job's images are made in order, so the
    // count of its stored images is its progress; resuming starts from the same count.)
    sql::Statement progress(db,
                            "UPDATE jobs SET done = (SELECT COUNT(*) FROM images WHERE job_id = ?), "
                            "updated_at = ? WHERE id = ?",
                            what);
    progress.bind(1, *image.job_id).bind(2, sql::now_utc()).bind(3, *image.job_id).run();
  }
  detail::audit(db, im.actor, "image.add",
                {{"image", id}, {"job", image.job_id}, {"concept", image.concept_id},
                 {"seed", p.seed}, {"prompt", p.prompt}});
  tx.commit();
  return id;
}

}  // namespace

std::int64_t Project::add_image(const NewImage& image) {
  try {
    return insert_image(impl(), image);
  } catch (const StoreError& e) {
    // The PNG and its row; the journal holds only the few pages the insert touches.
    throw with_space_advice(e, folder_of(impl().path), static_cast<std::int64_t>(image.png.size() + 64 * 1024),
                            "store this image in the project");
  }
}

std::vector<ImageInfo> Project::list_images(std::optional<std::int64_t> job_id) const {
  sqlite3* db = impl().get();
  if (job_id) detail::require_row(db, "jobs", "Generation job", *job_id);
  // length() of a BLOB reads only the record header, not the PNG.
  const std::string q = std::string(kImageSelect) +
                        (job_id ? "WHERE job_id = ? ORDER BY id" : "ORDER BY id");
  sql::Statement s(db, q.c_str(), "Could not list the generated images");
  if (job_id) s.bind(1, *job_id);
  std::vector<ImageInfo> out;
  while (s.step()) out.push_back(image_from(s));
  return out;
}

ImageInfo Project::get_image(std::int64_t id) const {
  const std::string q = std::string(kImageSelect) + "WHERE id = ?";
  sql::Statement s(impl().get(), q.c_str(), "Could not read the generated image");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Generated image", id);
  return image_from(s);
}

Bytes Project::image_png(std::int64_t id) const {
  sql::Statement s(impl().get(), "SELECT png FROM images WHERE id = ?",
                   "Could not read the generated image");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Generated image", id);
  return s.blob(0);
}

void Project::set_review(std::int64_t id, Review review, const std::string& who) {
  Impl& im = impl();
  sqlite3* db = im.get();
  detail::require(!who.empty(), "A review needs the reviewer's name.");
  const char* what = "Could not save the review";
  sql::Transaction tx(db, what);
  detail::require_row(db, "images", "Generated image", id);
  sql::Statement s(db, "UPDATE images SET review = ?, reviewer = ?, reviewed_at = ? WHERE id = ?",
                   what);
  s.bind(1, review_name(review)).bind(2, who).bind(3, sql::now_utc()).bind(4, id).run();
  detail::audit(db, who, "image.review", {{"image", id}, {"review", review_name(review)}});
  tx.commit();
}

void Project::remove_image(std::int64_t id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the generated image";
  sql::Transaction tx(db, what);
  detail::require_row(db, "images", "Generated image", id);
  sql::Statement s(db, "DELETE FROM images WHERE id = ?", what);
  s.bind(1, id).run();
  detail::audit(db, im.actor, "image.remove", {{"image", id}});
  tx.commit();
}

}  // namespace rashisa::store
