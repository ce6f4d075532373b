// Prompt templates: text with {placeholders}, their value lists and generation settings.
#include "engine/store/project_impl.h"

namespace rashisa::store {
namespace {

constexpr const char* kTemplateSelect =
    "SELECT id, text, variables, label_ja, label_en, negative_prompt, width, height, steps, "
    "guidance, sampler, images_per_prompt, created_at, updated_at FROM templates ";

Template template_from(const sql::Statement& s) {
  Template t;
  t.id = s.int64(0);
  t.spec.text = s.text(1);
  t.spec.variables = s.text(2);
  t.spec.label_ja = s.text(3);
  t.spec.label_en = s.text(4);
  t.spec.negative_prompt = s.text(5);
  t.spec.width = s.int32(6);
  t.spec.height = s.int32(7);
  t.spec.steps = s.int32(8);
  t.spec.guidance = s.real(9);
  t.spec.sampler = s.text(10);
  t.spec.images_per_prompt = s.int32(11);
  t.created_at = s.text(12);
  t.updated_at = s.text(13);
  return t;
}

void validate(sqlite3* db, const TemplateSpec& t) {
  detail::require(!t.text.empty(), "A prompt template needs some text.");
  detail::require(t.width > 0 && t.height > 0 && t.width % 8 == 0 && t.height % 8 == 0,
                  "A template's width and height must be positive multiples of 8 (got " +
                      std::to_string(t.width) + "x" + std::to_string(t.height) + ").");
  detail::require(t.steps > 0, "A template needs at least one sampling step.");
  detail::require(t.images_per_prompt > 0, "A template makes at least one image per prompt.");
  detail::require(!t.sampler.empty(), "A template needs a sampler.");
  detail::require_json(db, t.variables, "template variables", true);
}

/// Binds the spec to parameters 1..11 in the column order of kTemplateSelect.
void bind_spec(sql::Statement& s, const TemplateSpec& t) {
  s.bind(1, t.text).bind(2, t.variables).bind(3, t.label_ja).bind(4, t.label_en);
  s.bind(5, t.negative_prompt).bind(6, t.width).bind(7, t.height).bind(8, t.steps);
  s.bind(9, t.guidance).bind(10, t.sampler).bind(11, t.images_per_prompt);
}

/// Inserts one template and its audit entry; call inside a transaction.
std::int64_t insert_template(sqlite3* db, const std::string& actor, const TemplateSpec& spec, const char* what) {
  sql::Statement s(db,
                   "INSERT INTO templates(text, variables, label_ja, label_en, negative_prompt, "
                   "width, height, steps, guidance, sampler, images_per_prompt, created_at, "
                   "updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?12, ?12)",
                   what);
  bind_spec(s, spec);
  s.bind(12, sql::now_utc()).run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  detail::audit(db, actor, "template.add", {{"template", id}, {"text", spec.text}});
  return id;
}

/// Whether an image made from `a` would differ from one made from `b` (labels do not count).
bool same_image_settings(const TemplateSpec& a, const TemplateSpec& b) {
  return a.text == b.text && a.variables == b.variables && a.negative_prompt == b.negative_prompt &&
         a.width == b.width && a.height == b.height && a.steps == b.steps && a.guidance == b.guidance &&
         a.sampler == b.sampler;
}

}  // namespace

std::int64_t Project::add_template(const TemplateSpec& spec) {
  return add_templates({spec}).at(0);
}

std::vector<std::int64_t> Project::add_templates(const std::vector<TemplateSpec>& specs) {
  Impl& im = impl();
  sqlite3* db = im.get();
  for (const auto& spec : specs) validate(db, spec);  // all checked before the first is added
  const char* what = specs.size() == 1 ? "Could not add the prompt template" : "Could not add the prompt templates";
  sql::Transaction tx(db, what);
  std::vector<std::int64_t> ids;
  for (const auto& spec : specs) ids.push_back(insert_template(db, im.actor, spec, what));
  tx.commit();
  return ids;
}

std::vector<Template> Project::list_templates() const {
  const std::string q = std::string(kTemplateSelect) + "ORDER BY id";
  sql::Statement s(impl().get(), q.c_str(), "Could not list the prompt templates");
  std::vector<Template> out;
  while (s.step()) out.push_back(template_from(s));
  return out;
}

Template Project::get_template(std::int64_t id) const {
  const std::string q = std::string(kTemplateSelect) + "WHERE id = ?";
  sql::Statement s(impl().get(), q.c_str(), "Could not read the prompt template");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Prompt template", id);
  return template_from(s);
}

void Project::update_template(std::int64_t id, const TemplateSpec& spec) {
  Impl& im = impl();
  sqlite3* db = im.get();
  validate(db, spec);
  const char* what = "Could not save the prompt template";
  sql::Transaction tx(db, what);
  const TemplateSpec before = get_template(id).spec;  // NotFound for an unknown template
  if (!same_image_settings(before, spec)) {
    sql::Statement drop(db, "DELETE FROM template_examples WHERE template_id = ?", what);
    drop.bind(1, id).run();
  }
  sql::Statement s(db,
                   "UPDATE templates SET text = ?, variables = ?, label_ja = ?, label_en = ?, "
                   "negative_prompt = ?, width = ?, height = ?, steps = ?, guidance = ?, "
                   "sampler = ?, images_per_prompt = ?, updated_at = ? WHERE id = ?",
                   what);
  bind_spec(s, spec);
  s.bind(12, sql::now_utc()).bind(13, id).run();
  detail::audit(db, im.actor, "template.update", {{"template", id}, {"text", spec.text}});
  tx.commit();
}

void Project::remove_template(std::int64_t id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the prompt template";
  sql::Transaction tx(db, what);
  detail::require_row(db, "templates", "Prompt template", id);
  sql::Statement s(db, "DELETE FROM templates WHERE id = ?", what);
  s.bind(1, id).run();
  detail::audit(db, im.actor, "template.remove", {{"template", id}});
  tx.commit();
}

}  // namespace rashisa::store
