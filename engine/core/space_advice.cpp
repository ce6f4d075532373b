#include "engine/core/space_advice.h"

#include <cstdio>

namespace rashisa {

namespace fs = std::filesystem;

std::string about_bytes(std::int64_t bytes) {
  static const char* const kUnits[] = {"KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes < 1000 ? 1000 : bytes) / 1000.0;
  int unit = 0;
  while (value >= 999.5 && unit < 3) {
    value /= 1000.0;
    ++unit;
  }
  char text[48];
  if (value < 9.95)
    std::snprintf(text, sizeof text, "about %.1f %s", value, kUnits[unit]);
  else
    std::snprintf(text, sizeof text, "about %.0f %s", value, kUnits[unit]);
  return text;
}

std::string disk_full_advice(const fs::path& folder, std::int64_t needed, const std::string& purpose) {
  std::string text = "the disk holding " + folder.u8string() + " is full";
  if (needed > 0)
    text += ": " + about_bytes(needed) + " more is needed to " + purpose;
  else
    text += " (while trying to " + purpose + ")";
  return text + "; free some space there and run the same command again (what was saved before is kept)";
}

std::string read_only_advice(const fs::path& folder, const std::string& purpose) {
  return folder.u8string() + " is read-only, so Rashisa cannot " + purpose +
         " there; make it writable again (or use a folder you can write to) and run the same command again "
         "(what was saved before is kept)";
}

fs::path folder_of(const fs::path& path) {
  fs::path dir = path.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  const fs::path absolute = fs::absolute(dir, ec);
  fs::path normal = (ec ? dir : absolute).lexically_normal();
  if (normal.filename().empty() && normal.has_relative_path()) normal = normal.parent_path();  // "/x/y/" -> "/x/y"
  return normal;
}

}  // namespace rashisa
