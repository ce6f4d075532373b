// One example image per prompt template: a small PNG (made at up to 512 px) showing what the
// template gives with a product. Plain BLOB column, replaced in place.
#include "engine/store/project_impl.h"

namespace rashisa::store {

void Project::set_template_example(std::int64_t template_id, std::optional<std::int64_t> concept_id,
                                   std::int64_t seed, const Bytes& png) {
  detail::require(seed >= 0, "Seeds must be between 0 and 2^63-1.");
  detail::require(!png.empty(), "A template example needs its PNG bytes.");
  sqlite3* db = impl().get();
  const char* what = "Could not save the template's example image";
  sql::Transaction tx(db, what);
  detail::require_row(db, "templates", "Prompt template", template_id);
  if (concept_id) detail::require_row(db, "concepts", "Concept", *concept_id);
  sql::Statement s(db,
                   "INSERT INTO template_examples(template_id, concept_id, seed, created_at, png) "
                   "VALUES(?, ?, ?, ?, ?) ON CONFLICT(template_id) DO UPDATE SET "
                   "concept_id = excluded.concept_id, seed = excluded.seed, "
                   "created_at = excluded.created_at, png = excluded.png",
                   what);
  s.bind(1, template_id).bind(2, concept_id).bind(3, seed).bind(4, sql::now_utc());
  s.bind_blob(5, png.data(), png.size()).run();
  tx.commit();
}

std::optional<Bytes> Project::template_example(std::int64_t template_id) const {
  sqlite3* db = impl().get();
  const char* what = "Could not read the template's example image";
  sql::Transaction tx(db, what, sql::Transaction::Mode::Read);
  detail::require_row(db, "templates", "Prompt template", template_id);
  sql::Statement s(db, "SELECT png FROM template_examples WHERE template_id = ?", what);
  s.bind(1, template_id);
  if (!s.step()) return std::nullopt;
  return s.blob(0);
}

std::vector<std::int64_t> Project::templates_with_examples() const {
  sql::Statement s(impl().get(), "SELECT template_id FROM template_examples ORDER BY template_id",
                   "Could not list the template examples");
  std::vector<std::int64_t> out;
  while (s.step()) out.push_back(s.int64(0));
  return out;
}

}  // namespace rashisa::store
