// Generation jobs: a queued batch of images from a template and a concept.
#include "engine/store/project_impl.h"

namespace rashisa::store {
namespace {

JobStatus status_from(const std::string& s) {
  if (s == "running") return JobStatus::Running;
  if (s == "done") return JobStatus::Done;
  if (s == "failed") return JobStatus::Failed;
  if (s == "cancelled") return JobStatus::Cancelled;
  return JobStatus::Queued;
}

constexpr const char* kJobSelect =
    "SELECT id, template_id, concept_id, seeds, params, total, status, done, error, created_by, "
    "created_at, updated_at FROM jobs ";

Job job_from(const sql::Statement& s) {
  Job j;
  j.id = s.int64(0);
  j.spec.template_id = s.opt_int64(1);
  j.spec.concept_id = s.opt_int64(2);
  j.spec.seeds = detail::parse_int_array(s.text(3), "job seeds");
  j.spec.params = s.text(4);
  j.spec.total = s.int64(5);
  j.status = status_from(s.text(6));
  j.done = s.int64(7);
  j.error = s.text(8);
  j.created_by = s.text(9);
  j.created_at = s.text(10);
  j.updated_at = s.text(11);
  return j;
}

}  // namespace

std::int64_t Project::add_job(const JobSpec& spec) {
  Impl& im = impl();
  sqlite3* db = im.get();
  for (const std::int64_t seed : spec.seeds) {
    detail::require(seed >= 0, "Seeds must be between 0 and 2^63-1 (got " + std::to_string(seed) + ").");
  }
  detail::require(spec.total >= 0, "A job cannot make a negative number of images.");
  detail::require_json(db, spec.params, "job parameters", true);
  const char* what = "Could not add the generation job";
  sql::Transaction tx(db, what);
  if (spec.template_id) detail::require_row(db, "templates", "Prompt template", *spec.template_id);
  if (spec.concept_id) detail::require_row(db, "concepts", "Concept", *spec.concept_id);
  sql::Statement s(db,
                   "INSERT INTO jobs(template_id, concept_id, seeds, params, total, created_by, "
                   "created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?7, ?7)",
                   what);
  s.bind(1, spec.template_id).bind(2, spec.concept_id).bind(3, detail::json_int_array(spec.seeds));
  s.bind(4, spec.params).bind(5, spec.total).bind(6, im.actor).bind(7, sql::now_utc()).run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  detail::audit(db, im.actor, "job.add",
                {{"job", id}, {"template", spec.template_id}, {"concept", spec.concept_id},
                 {"total", spec.total}});
  tx.commit();
  return id;
}

std::vector<Job> Project::list_jobs() const {
  const std::string q = std::string(kJobSelect) + "ORDER BY id";
  sql::Statement s(impl().get(), q.c_str(), "Could not list the generation jobs");
  std::vector<Job> out;
  while (s.step()) out.push_back(job_from(s));
  return out;
}

Job Project::get_job(std::int64_t id) const {
  const std::string q = std::string(kJobSelect) + "WHERE id = ?";
  sql::Statement s(impl().get(), q.c_str(), "Could not read the generation job");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Generation job", id);
  return job_from(s);
}

void Project::set_job_status(std::int64_t id, JobStatus status, const std::string& error) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not save the job's status";
  sql::Transaction tx(db, what);
  detail::require_row(db, "jobs", "Generation job", id);
  sql::Statement s(db, "UPDATE jobs SET status = ?, error = ?, updated_at = ? WHERE id = ?", what);
  s.bind(1, job_status_name(status)).bind(2, error).bind(3, sql::now_utc()).bind(4, id).run();
  detail::audit(db, im.actor, "job.status",
                {{"job", id}, {"status", job_status_name(status)}, {"error", error}});
  tx.commit();
}

void Project::set_job_progress(std::int64_t id, std::int64_t done) {
  detail::require(done >= 0, "A job's progress cannot be negative.");
  sqlite3* db = impl().get();
  const char* what = "Could not save the job's progress";
  sql::Transaction tx(db, what);
  detail::require_row(db, "jobs", "Generation job", id);
  sql::Statement s(db, "UPDATE jobs SET done = ?, updated_at = ? WHERE id = ?", what);
  s.bind(1, done).bind(2, sql::now_utc()).bind(3, id).run();
  tx.commit();
}

void Project::remove_job(std::int64_t id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the generation job";
  sql::Transaction tx(db, what);
  detail::require_row(db, "jobs", "Generation job", id);
  std::int64_t images = 0;
  {
    sql::Statement c(db, "SELECT count(*) FROM images WHERE job_id = ?", what);
    c.bind(1, id);
    if (c.step()) images = c.int64(0);
  }
  sql::Statement s(db, "DELETE FROM jobs WHERE id = ?", what);  // images go with it (CASCADE)
  s.bind(1, id).run();
  detail::audit(db, im.actor, "job.remove", {{"job", id}, {"images", images}});
  tx.commit();
}

}  // namespace rashisa::store
