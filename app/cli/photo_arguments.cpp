#include "app/cli/photo_arguments.h"

#include "engine/core/error.h"

#include <cstdio>

namespace rashisa::cli {

namespace fs = std::filesystem;

std::string name_list(const std::vector<fs::path>& files, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < files.size() && i < shown; ++i)
    out += (i ? ", " : "") + files[i].filename().u8string();
  if (files.size() > shown) out += " and " + std::to_string(files.size() - shown) + " more";
  return out;
}

workflow::PhotoArguments gather_photo_arguments(const std::vector<std::string>& items) {
  std::vector<fs::path> paths;
  for (const auto& item : items) paths.push_back(fs::u8path(item));
  auto found = workflow::collect_photo_arguments(paths);
  if (const auto n = found.not_photos.size())
    std::fprintf(stderr, "skipped %zu %s not %s: %s\n", n, n == 1 ? "file that is" : "files that are",
                 n == 1 ? "a photo" : "photos", name_list(found.not_photos).c_str());
  for (const auto& folder : found.empty_folders)
    std::fprintf(stderr, "no photos in %s (looked for JPEG, PNG, WebP, TIFF and BMP files, also in its subfolders)\n",
                 folder.u8string().c_str());
  if (found.files.empty())
    throw Error(ErrorCode::FileNotFound,
                "no photos found; give photo files (JPEG, PNG, WebP, TIFF, BMP) or folders that contain them");
  return found;
}

}  // namespace rashisa::cli
