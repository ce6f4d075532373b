#include "engine/workflow/project_summary.h"

#include <nlohmann/json.hpp>

#include <set>

namespace rashisa::workflow {

using nlohmann::json;

ProjectSummary project_summary(const store::Project& project) {
  ProjectSummary s;
  for (const auto& c : project.list_concepts())
    if (c.progress.status == store::ConceptStatus::Trained) ++s.products_trained;
  for (const auto& i : project.list_images()) {
    ++s.images_made;
    if (i.review == store::Review::Approved) ++s.approved;
  }
  static const std::set<std::string> kTimed = {"concept.train", "job.run.end", "concept.try", "template.examples"};
  std::set<std::int64_t> exported;
  for (const auto& e : project.audit_log()) {
    const bool export_entry = e.action == "image.export";
    if (!export_entry && kTimed.count(e.action) == 0) continue;
    const json d = json::parse(e.details, nullptr, false);
    if (!d.is_object()) continue;  // the store checks details are JSON objects; be lenient anyway
    if (export_entry) {
      const auto image = d.find("image");
      if (image != d.end() && image->is_number_integer()) exported.insert(image->get<std::int64_t>());
    } else {
      const auto seconds = d.find("seconds");
      if (seconds != d.end() && seconds->is_number() && seconds->get<double>() > 0) s.compute_seconds += seconds->get<double>();
    }
  }
  s.exported = static_cast<std::int64_t>(exported.size());
  return s;
}

}  // namespace rashisa::workflow
