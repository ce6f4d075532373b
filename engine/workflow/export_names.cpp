// File names of exported images: a pattern with placeholders, filled from the image's record
// and the project, made safe for Windows and Linux file systems.
#include "engine/core/error.h"
#include "engine/workflow/batch_plan.h"
#include "engine/workflow/image_export.h"
#include "engine/workflow/project_templates.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace rashisa::workflow {
namespace {

constexpr std::size_t kMaxNameBytes = 150;

[[noreturn]] void bad(const std::string& m) { throw Error(ErrorCode::InvalidArgument, m); }

struct PatternPart {
  bool placeholder = false;
  std::string text;  // literal text, or the placeholder's name
};

std::vector<PatternPart> parse_pattern(const std::string& pattern) {
  static const std::set<std::string> kKnown = {"product", "template", "image", "seed", "job", "date", "index"};
  if (pattern.empty()) bad("the file-name pattern is empty; use for example " + std::string(kDefaultExportNamePattern));
  std::vector<PatternPart> parts;
  std::vector<std::string> unknown;
  std::string literal;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if ((c == '{' || c == '}') && i + 1 < pattern.size() && pattern[i + 1] == c) {
      literal += c;
      ++i;
    } else if (c == '}') {
      bad("the file-name pattern has a '}' without '{': write placeholders as {image}, or '}}' for a brace");
    } else if (c == '{') {
      const auto close = pattern.find_first_of("{}", i + 1);
      if (close == std::string::npos || pattern[close] == '{')
        bad("the file-name pattern has a '{' without '}': write placeholders as {image}, or '{{' for a brace");
      const std::string name = pattern.substr(i + 1, close - i - 1);
      if (kKnown.count(name) == 0) unknown.push_back("{" + name + "}");
      parts.push_back({false, std::move(literal)});
      literal.clear();
      parts.push_back({true, name});
      i = close;
    } else {
      literal += c;
    }
  }
  parts.push_back({false, std::move(literal)});
  if (!unknown.empty()) {
    std::string list;
    for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
    bad("the file-name pattern has unknown placeholders: " + list +
        "; use {product}, {template}, {image}, {seed}, {job}, {date} or {index}");
  }
  return parts;
}

/// Length of the UTF-8 sequence starting at s[i], 0 when it is not valid there.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) return 0;
  for (std::size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return len;
}

/// Characters no file system of ours takes become '_'; broken UTF-8 too.
std::string replace_forbidden(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = utf8_length(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    const bool c1_control = len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
    if (len == 0 || c1_control || c < 0x20 || c == 0x7F || std::string("/\\:*?\"<>|").find(s[i]) != std::string::npos) {
      out += '_';
      i += len == 0 ? 1 : len;
    } else {
      out.append(s, i, len);
      i += len;
    }
  }
  return out;
}

/// Drops leading spaces and dots (a hidden file on Linux) and trailing ones (Windows drops them).
std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" .");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" .") - first + 1);
}

/// At most `max` bytes, cut before a character that does not fit.
std::string cut(const std::string& s, std::size_t max) {
  std::size_t end = 0;
  while (end < s.size()) {
    const std::size_t len = std::max<std::size_t>(1, utf8_length(s, end));
    if (end + len > max) break;
    end += len;
  }
  return s.substr(0, end);
}

bool reserved_on_windows(const std::string& stem) {
  std::string base = stem.substr(0, stem.find('.'));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (auto& ch : base)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  if (base == "CON" || base == "PRN" || base == "AUX" || base == "NUL") return true;
  return base.size() == 4 && (base.compare(0, 3, "COM") == 0 || base.compare(0, 3, "LPT") == 0) && base[3] >= '1' &&
         base[3] <= '9';
}

/// `stem` made safe, with `suffix` ("-2") and `extension` (".png") after it, at most 150 bytes.
std::string safe_name(const std::string& stem, const std::string& suffix, const std::string& extension) {
  std::string s = trim(replace_forbidden(stem));
  if (s.empty()) s = "image";
  s = trim(cut(s, kMaxNameBytes - suffix.size() - extension.size()));
  if (s.empty()) s = "image";
  if (reserved_on_windows(s + suffix)) s.insert(std::min(s.find('.'), s.size()), "_");  // "CON.x" -> "CON_.x"
  return s + suffix + extension;
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

/// The names the placeholders need, read from the project once per product, job and template.
class NameSource {
 public:
  explicit NameSource(const store::Project& project) : project_(project) {}

  std::string product(const store::ImageInfo& image) {
    if (!image.concept_id) return "none";
    auto it = products_.find(*image.concept_id);
    if (it == products_.end()) {
      std::string name = "none";
      try {
        name = project_.get_concept(*image.concept_id).spec.name;
      } catch (const store::StoreError&) {
      }
      it = products_.emplace(*image.concept_id, name).first;
    }
    return it->second;
  }

  std::string template_key(const store::ImageInfo& image) {
    if (!image.job_id) return "none";
    const auto id = template_number(*image.job_id, image.id);
    if (!id) return "none";
    auto it = keys_.find(*id);
    if (it == keys_.end()) {
      std::string key = "none";
      try {
        key = from_stored(project_.get_template(*id)).id;
      } catch (const store::StoreError&) {  // removed since
      } catch (const Error&) {              // not written by Rashisa
      }
      it = keys_.emplace(*id, key).first;
    }
    return it->second;
  }

 private:
  struct JobTemplates {
    std::optional<std::int64_t> single;         // a job of one template
    std::map<std::int64_t, std::int64_t> by_image;  // image -> template, from the job's plan
  };

  std::optional<std::int64_t> template_number(std::int64_t job_id, std::int64_t image_id);

  const store::Project& project_;
  std::map<std::int64_t, std::string> products_;
  std::map<std::int64_t, std::string> keys_;
  std::map<std::int64_t, JobTemplates> jobs_;
};

std::optional<std::int64_t> NameSource::template_number(std::int64_t job_id, std::int64_t image_id) {
  auto it = jobs_.find(job_id);
  if (it == jobs_.end()) {
    JobTemplates t;
    try {
      const store::Job job = project_.get_job(job_id);
      t.single = job.spec.template_id;
      if (!t.single) {
        // Images are stored in plan order (run_batch_job), so the k-th image is the k-th item.
        const auto items = job_items(job);
        const auto images = project_.list_images(job_id);
        for (std::size_t k = 0; k < images.size() && k < items.size(); ++k)
          t.by_image[images[k].id] = items[k].template_id;
      }
    } catch (const store::StoreError&) {
    } catch (const Error&) {  // a job without a plan names no template
    }
    it = jobs_.emplace(job_id, std::move(t)).first;
  }
  if (it->second.single) return it->second.single;
  const auto found = it->second.by_image.find(image_id);
  if (found == it->second.by_image.end()) return std::nullopt;
  return found->second;
}

std::string date_of(const std::string& iso) {
  // "2024-05-01T09:30:00.000Z" -> "20240501"
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "00000000";
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

std::string padded(std::size_t index, std::size_t count) {
  const std::string digits = std::to_string(index);
  const std::size_t width = std::to_string(std::max(count, index)).size();
  return std::string(width > digits.size() ? width - digits.size() : 0, '0') + digits;
}

std::string fill(const std::vector<PatternPart>& parts, NameSource& names, const store::ImageInfo& image,
                 std::size_t index, std::size_t count) {
  std::string out;
  for (const auto& p : parts) {
    if (!p.placeholder) out += p.text;
    else if (p.text == "product") out += names.product(image);
    else if (p.text == "template") out += names.template_key(image);
    else if (p.text == "image") out += std::to_string(image.id);
    else if (p.text == "seed") out += std::to_string(image.params.seed);
    else if (p.text == "job") out += std::to_string(image.job_id.value_or(0));
    else if (p.text == "date") out += date_of(image.created_at);
    else if (p.text == "index") out += padded(index, count);
  }
  return out;
}

const char* extension_of(exporting::ExportFormat format) {
  return format == exporting::ExportFormat::Png ? ".png" : ".jpg";
}

}  // namespace

std::string export_file_name(const store::Project& project, const store::ImageInfo& image,
                             exporting::ExportFormat format, const std::string& pattern, std::size_t index,
                             std::size_t count) {
  const auto parts = parse_pattern(pattern);
  NameSource names(project);
  return safe_name(fill(parts, names, image, index, count), "", extension_of(format));
}

std::vector<std::string> export_file_names(const store::Project& project, const std::vector<store::ImageInfo>& images,
                                           exporting::ExportFormat format, const std::string& pattern) {
  const auto parts = parse_pattern(pattern);
  NameSource names(project);
  std::set<std::string> taken;
  std::vector<std::string> out;
  for (std::size_t k = 0; k < images.size(); ++k) {
    const std::string stem = fill(parts, names, images[k], k + 1, images.size());
    std::string name = safe_name(stem, "", extension_of(format));
    for (int n = 2; taken.count(lower_ascii(name)); ++n) name = safe_name(stem, "-" + std::to_string(n), extension_of(format));
    taken.insert(lower_ascii(name));
    out.push_back(std::move(name));
  }
  return out;
}

}  // namespace rashisa::workflow
