// Training previews of a concept: image and heat-map PNGs per stage, step and seed. They are
// small (a few hundred kB per training), so they are plain BLOB columns and lists carry them.
#include "engine/store/project_impl.h"

namespace rashisa::store {
namespace {

void validate(const NewPreview& p) {
  detail::require(p.stage >= 1 && p.stage <= 3, "A training preview's stage must be 1, 2 or 3.");
  detail::require(p.step >= 0, "A training preview's step cannot be negative.");
  detail::require(p.seed >= 0, "Seeds must be between 0 and 2^63-1.");
  detail::require(!p.image_png.empty() && !p.heatmap_png.empty(),
                  "A training preview needs its image and heat-map PNG bytes.");
}

}  // namespace

void Project::add_preview(std::int64_t concept_id, const NewPreview& preview) {
  validate(preview);
  sqlite3* db = impl().get();
  const char* what = "Could not save the training preview";
  sql::Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", concept_id);
  // Not audited: a training makes dozens; "concept.train" in the log covers them.
  sql::Statement s(db,
                   "INSERT INTO previews(concept_id, stage, step, seed, created_at, image_png, heatmap_png) "
                   "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(concept_id, stage, step, seed) DO UPDATE SET "
                   "created_at = excluded.created_at, image_png = excluded.image_png, "
                   "heatmap_png = excluded.heatmap_png",
                   what);
  s.bind(1, concept_id).bind(2, preview.stage).bind(3, preview.step).bind(4, preview.seed);
  s.bind(5, sql::now_utc());
  s.bind_blob(6, preview.image_png.data(), preview.image_png.size());
  s.bind_blob(7, preview.heatmap_png.data(), preview.heatmap_png.size()).run();
  tx.commit();
}

std::vector<PreviewRecord> Project::list_previews(std::int64_t concept_id) const {
  sqlite3* db = impl().get();
  const char* what = "Could not read the training previews";
  sql::Transaction tx(db, what, sql::Transaction::Mode::Read);
  detail::require_row(db, "concepts", "Concept", concept_id);
  sql::Statement s(db,
                   "SELECT id, stage, step, seed, created_at, image_png, heatmap_png FROM previews "
                   "WHERE concept_id = ? ORDER BY stage, step, seed",
                   what);
  s.bind(1, concept_id);
  std::vector<PreviewRecord> out;
  while (s.step()) {
    PreviewRecord r;
    r.id = s.int64(0);
    r.stage = s.int32(1);
    r.step = s.int64(2);
    r.seed = s.int64(3);
    r.created_at = s.text(4);
    r.image_png = s.blob(5);
    r.heatmap_png = s.blob(6);
    out.push_back(std::move(r));
  }
  return out;
}

void Project::clear_previews(std::int64_t concept_id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the training previews";
  sql::Transaction tx(db, what);
  detail::require_row(db, "concepts", "Concept", concept_id);
  sql::Statement s(db, "DELETE FROM previews WHERE concept_id = ?", what);
  s.bind(1, concept_id).run();
  const auto removed = static_cast<std::int64_t>(sqlite3_changes(db));
  if (removed > 0) detail::audit(db, im.actor, "concept.previews.clear", {{"concept", concept_id}, {"removed", removed}});
  tx.commit();
}

}  // namespace rashisa::store
