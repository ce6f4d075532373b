#include "engine/workflow/photo_intake.h"

#include "engine/core/error.h"
#include "engine/core/sha256.h"
#include "engine/media/photo_import.h"
#include "engine/media/photo_sanitize.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>

namespace rashisa::workflow {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

json summary_to_json(const media::PhotoSummary& s) {
  return {{"sharpness", s.sharpness},
          {"phash", s.has_hash ? json(hex64(s.perceptual_hash)) : json(nullptr)},
          {"subject", {{"judged", s.subject_judged}, {"area", s.subject_area}, {"touches_border", s.subject_touches_border}}}};
}

json findings_to_json(const std::vector<media::Finding>& findings) {
  json out = json::array();
  for (const auto& f : findings)
    out.push_back({{"severity", media::severity_name(f.severity)}, {"code", f.code}, {"message", f.message}});
  return out;
}

/// The measurements stored at import, back as a summary (fields that are missing or damaged
/// leave their check out rather than fail the whole check).
media::PhotoSummary summary_of(const store::PhotoInfo& info) {
  media::PhotoSummary s;
  s.id = std::to_string(info.id);
  s.width = info.width;
  s.height = info.height;
  const json j = json::parse(info.findings, nullptr, false);
  if (!j.is_object()) return s;
  s.sha256 = j.value("original_sha256", info.sha256);
  const json m = j.value("measures", json::object());
  if (m.is_object()) {
    if (m.contains("sharpness") && m["sharpness"].is_number()) s.sharpness = m["sharpness"].get<double>();
    if (m.contains("phash") && m["phash"].is_string()) {
      s.perceptual_hash = std::stoull(m["phash"].get<std::string>(), nullptr, 16);
      s.has_hash = true;
    }
    const json subj = m.value("subject", json::object());
    if (subj.is_object()) {
      s.subject_judged = subj.value("judged", false);
      s.subject_area = subj.value("area", 0.0);
      s.subject_touches_border = subj.value("touches_border", false);
    }
  }
  return s;
}

std::optional<std::int64_t> photo_with_hash(const store::Project& project, const std::string& sha256) {
  for (const auto& p : project.list_photos())
    if (p.sha256 == sha256) return p.id;
  return std::nullopt;
}

PhotoIntakeResult failure(std::string file, std::string code, std::string message) {
  PhotoIntakeResult r;
  r.file = std::move(file);
  r.error = std::move(code);
  r.message = std::move(message);
  return r;
}

}  // namespace

PhotoIntakeResult add_photo_bytes(store::Project& project, const std::vector<std::uint8_t>& bytes,
                                  const std::string& file_name) {
  PhotoIntakeResult r;
  r.file = file_name;
  media::ImportedPhoto photo;
  try {
    photo = media::import_photo(bytes, file_name);
  } catch (const media::MediaError& e) {
    return failure(file_name, media::media_fault_name(e.fault()), e.what());
  }
  const media::StoredPhoto stored = media::sanitize_for_storage(bytes, photo);
  const media::PhotoSummary summary = media::summarize_photo(file_name, photo.image, photo.sha256);
  media::CheckThresholds single;
  single.min_photos = 0;  // set-level findings belong to check_photos()
  single.max_photos = 1 << 30;
  const auto own_findings = media::check_photos({summary}, single);

  store::NewPhoto meta;
  meta.file_name = fs::u8path(file_name).filename().u8string();
  meta.width = photo.image.width;
  meta.height = photo.image.height;
  meta.orientation = stored.reencoded ? 1 : photo.orientation;
  meta.thumbnail_png = media::make_thumbnail_png(photo.image, 256);
  json record = {{"original_sha256", photo.sha256},
                 {"original_bytes", bytes.size()},
                 {"format", media::image_format_name(photo.format)},
                 {"stored_as", stored.reencoded ? "png" : "filtered"},
                 {"conversions", photo.conversions},
                 {"removed_metadata", photo.metadata.private_keys},
                 {"metadata_read", photo.metadata.read},
                 {"measures", summary_to_json(summary)},
                 {"findings", findings_to_json(own_findings)}};
  meta.findings = record.dump();

  r.width = meta.width;
  r.height = meta.height;
  r.conversions = photo.conversions;
  r.removed_metadata = photo.metadata.private_keys;
  try {
    r.photo_id = project.add_photo(stored.bytes, meta);
  } catch (const store::StoreError& e) {
    if (e.fault() != store::StoreFault::Duplicate) throw;
    r.duplicate = true;
    r.photo_id = photo_with_hash(project, sha256_hex(stored.bytes.data(), stored.bytes.size()));
    r.message = "This photo is already in the project; it was not added again.";
  }
  return r;
}

std::vector<PhotoIntakeResult> add_photos(store::Project& project, const std::vector<fs::path>& files,
                                          const ProgressCallback& progress, const CancelToken* cancel) {
  std::vector<PhotoIntakeResult> out;
  const media::ImportLimits limits;
  StepTimer timer(static_cast<int>(files.size()));
  for (const auto& path : files) {
    check_cancel(cancel);
    const std::string name = path.u8string();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.push_back(failure(name, "missing", "There is no file " + name + ". Check the name and try again."));
    } else if (!fs::is_regular_file(status)) {
      out.push_back(failure(name, "unreadable", name + " is not a file. Give photo files or a folder of photos."));
    } else if (fs::file_size(path, ec) > limits.max_bytes) {
      out.push_back(failure(name, "too-large", name + " is larger than 256 MB; export it as a JPEG or PNG first."));
    } else {
      std::ifstream in(path, std::ios::binary);
      std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof())
        out.push_back(failure(name, "unreadable", "Could not read " + name + ". Check that you may open it."));
      else
        out.push_back(add_photo_bytes(project, bytes, path.filename().u8string()));
      out.back().file = name;
    }
    if (progress) check_cancel(cancel, progress(timer.tick("import")));
  }
  return out;
}

std::vector<media::Finding> check_photos(const store::Project& project, const std::vector<std::int64_t>& photo_ids) {
  std::vector<media::PhotoSummary> summaries;
  if (photo_ids.empty()) {
    for (const auto& p : project.list_photos()) summaries.push_back(summary_of(p));
  } else {
    for (auto id : photo_ids) summaries.push_back(summary_of(project.get_photo(id)));
  }
  return media::check_photos(summaries);
}

media::RgbImage photo_pixels(const store::Project& project, std::int64_t photo_id) {
  const auto info = project.get_photo(photo_id);
  return media::import_photo(project.photo_bytes(photo_id), info.file_name).image;
}

}  // namespace rashisa::workflow
