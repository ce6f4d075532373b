// Sorting what the user gave (files, folders of photos in subfolders) into photos for
// add_photos, other files and folders without photos. By name only: nothing is opened here.
#include "engine/workflow/photo_intake.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace rashisa::workflow {

namespace fs = std::filesystem;

namespace {

// Formats media::import_photo reads, then formats it recognises and refuses with advice on
// converting them (engine/media/image_probe.cpp): both count as photos, so the advice reaches
// the user instead of a silent "not a photo".
constexpr std::array<const char*, 10> kReadable = {".jpg", ".jpeg", ".jpe", ".jfif", ".png",
                                                   ".webp", ".tif", ".tiff", ".bmp", ".dib"};
constexpr std::array<const char*, 11> kRefusedImages = {".heic", ".heif", ".hif", ".avif", ".gif", ".psd",
                                                        ".jxl",  ".jp2",  ".j2k", ".jpf",  ".jpx"};
constexpr std::array<const char*, 26> kCameraRaw = {".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw",
                                                    ".srf", ".sr2", ".orf", ".rw2", ".raf", ".pef", ".srw",
                                                    ".x3f", ".3fr", ".erf", ".kdc", ".dcr", ".mrw", ".mos",
                                                    ".mef", ".raw", ".rwl", ".iiq", ".fff"};
// Files and folders operating systems and photo tools leave beside photos.
constexpr std::array<const char*, 6> kLitter = {"thumbs.db", "ehthumbs.db", "desktop.ini", "__macosx",
                                                "$recycle.bin", "system volume information"};

std::string ascii_lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); });
  return s;
}

template <std::size_t N>
bool listed(const std::array<const char*, N>& list, const std::string& lowered) {
  return std::any_of(list.begin(), list.end(), [&](const char* e) { return lowered == e; });
}

bool is_ignored_name(const fs::path& name) {
  const std::string s = name.u8string();
  return s.empty() || s[0] == '.' || listed(kLitter, ascii_lower(s));
}

/// The same file named twice (a file and its folder, a folder given twice) is listed once.
fs::path identity_of(const fs::path& p) {
  std::error_code ec;
  const fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

/// Photos and other files under `root`, recursively; returns the photos sorted.
std::vector<fs::path> scan_folder(const fs::path& root, std::vector<fs::path>& not_photos) {
  std::vector<fs::path> photos;
  std::error_code ec;
  // Without follow_directory_symlink a folder symlink is listed but not entered: no loops.
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (is_ignored_name(p.filename())) {
      it.disable_recursion_pending();
      continue;
    }
    std::error_code type_ec;
    if (it->is_directory(type_ec)) continue;  // entered by the iterator (unless a symlink)
    (is_photo_name(p) ? photos : not_photos).push_back(p);
  }
  std::sort(photos.begin(), photos.end());
  return photos;
}

}  // namespace

bool is_photo_name(const fs::path& file) {
  const std::string ext = ascii_lower(file.extension().u8string());
  return listed(kReadable, ext) || listed(kRefusedImages, ext) || listed(kCameraRaw, ext);
}

PhotoArguments collect_photo_arguments(const std::vector<fs::path>& items) {
  PhotoArguments out;
  std::set<fs::path> seen;
  auto add = [&](const fs::path& p) {
    if (seen.insert(identity_of(p)).second) out.files.push_back(p);
  };
  for (const auto& item : items) {
    std::error_code ec;
    if (!fs::is_directory(item, ec)) {
      add(item);  // as given: add_photos says what is wrong with it, if anything
      continue;
    }
    const auto photos = scan_folder(item, out.not_photos);
    if (photos.empty()) out.empty_folders.push_back(item);
    for (const auto& p : photos) add(p);
  }
  std::sort(out.not_photos.begin(), out.not_photos.end());
  out.not_photos.erase(std::unique(out.not_photos.begin(), out.not_photos.end()), out.not_photos.end());
  return out;
}

}  // namespace rashisa::workflow
