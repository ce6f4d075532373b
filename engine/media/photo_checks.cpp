#include "engine/media/photo_checks.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace rashisa::media {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "info";
}

namespace {

Finding make(Severity s, const char* code, std::vector<std::string> ids, std::string message) {
  return Finding{s, code, std::move(ids), std::move(message)};
}

std::string range_text(const CheckThresholds& t) {
  return std::to_string(t.min_photos) + " to " + std::to_string(t.max_photos);
}

void check_count(const std::vector<PhotoSummary>& photos, const CheckThresholds& t, std::vector<Finding>& out) {
  const int n = static_cast<int>(photos.size());
  if (n == 0) {
    out.push_back(make(Severity::Error, "too-few-photos", {},
                       "There are no photos yet. Add " + range_text(t) + " photos of the product from different angles."));
  } else if (n < t.min_photos) {
    out.push_back(make(Severity::Warning, "too-few-photos", {},
                       "Only " + std::to_string(n) + (n == 1 ? " photo" : " photos") + ". Add more: " + range_text(t) +
                           " photos from different angles and distances teach the product's shape, not one view of it."));
  } else if (n > t.max_photos) {
    out.push_back(make(Severity::Warning, "too-many-photos", {},
                       std::to_string(n) + " photos is more than needed. Keep the " + std::to_string(t.max_photos) +
                           " best and most varied ones; more photos make training slower without making it better."));
  }
}

void check_each(const PhotoSummary& p, const CheckThresholds& t, std::vector<Finding>& out) {
  if (std::min(p.width, p.height) < t.min_short_side) {
    out.push_back(make(Severity::Warning, "low-resolution", {p.id},
                       "This photo is only " + std::to_string(p.width) + " x " + std::to_string(p.height) +
                           " pixels. Use a photo at least " + std::to_string(t.min_short_side) +
                           " pixels on its shorter side, or the results will look soft."));
  }
  if (p.sharpness >= 0 && p.sharpness < t.min_sharpness) {
    out.push_back(make(Severity::Warning, "blurry", {p.id},
                       "This photo looks blurred or out of focus. Replace it with a sharp one: "
                       "the model learns the blur as part of the product."));
  }
  if (p.subject_judged && p.subject_touches_border) {
    out.push_back(make(Severity::Info, "subject-cut-off", {p.id},
                       "The product seems to touch the edge of this photo. If part of it is cut off, use a photo "
                       "that shows all of it with some space around it."));
  }
  if (p.subject_judged && p.subject_area < t.min_subject_area) {
    out.push_back(make(Severity::Warning, "subject-small", {p.id},
                       "The product fills only a small part of this photo. Crop the photo or take it from closer, "
                       "so that the product fills most of the frame."));
  }
}

// Union-find groups for pairwise relations, reported once per group in input order.
struct Groups {
  std::vector<std::size_t> parent;
  explicit Groups(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t(0)); }
  std::size_t find(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent[find(b)] = find(a); }
  std::vector<std::vector<std::size_t>> sets() {
    std::map<std::size_t, std::vector<std::size_t>> by_root;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < parent.size(); ++i) {
      auto& v = by_root[find(i)];
      if (v.empty()) order.push_back(find(i));
      v.push_back(i);
    }
    std::vector<std::vector<std::size_t>> out;
    for (std::size_t r : order)
      if (by_root[r].size() > 1) out.push_back(by_root[r]);
    return out;
  }
};

void check_duplicates(const std::vector<PhotoSummary>& photos, const CheckThresholds& t, std::vector<Finding>& out) {
  const std::size_t n = photos.size();
  Groups exact(n), near(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const PhotoSummary &a = photos[i], &b = photos[j];
      const bool same_file = !a.sha256.empty() && a.sha256 == b.sha256;
      if (same_file) {
        exact.join(i, j);
      } else if (a.has_hash && b.has_hash && hash_distance(a.perceptual_hash, b.perceptual_hash) <= t.max_hash_distance) {
        near.join(i, j);
      }
    }
  }
  auto ids = [&](const std::vector<std::size_t>& group) {
    std::vector<std::string> v;
    for (std::size_t i : group) v.push_back(photos[i].id);
    return v;
  };
  for (const auto& g : exact.sets())
    out.push_back(make(Severity::Warning, "exact-duplicate", ids(g),
                       "These photos are the same file. Keep one and remove the copies."));
  for (const auto& g : near.sets())
    out.push_back(make(Severity::Warning, "near-duplicate", ids(g),
                       "These photos are almost the same. Keep the best one and replace the others with photos "
                       "from other angles, distances or backgrounds."));
}

}  // namespace

std::vector<Finding> check_photos(const std::vector<PhotoSummary>& photos, const CheckThresholds& thresholds) {
  std::vector<Finding> out;
  check_count(photos, thresholds, out);
  check_duplicates(photos, thresholds, out);
  for (const auto& p : photos) check_each(p, thresholds, out);
  return out;
}

}  // namespace rashisa::media
