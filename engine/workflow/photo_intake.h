#pragma once
// Bringing photos into a project and checking them: one call per user action, shaped for the
// GUI's import panel and `rashisa-cli project add-photos / check`. Torch-free.
//
// Every file is read into memory (size-capped), identified and decoded by engine/media, measured
// once (sharpness, perceptual hash, subject placement; the summary is kept with the photo so
// later checks never decode again), stripped of personal metadata (GPS, serial numbers, owner
// names, embedded thumbnails never enter the project file) and stored with a thumbnail. A file
// that cannot be imported is reported with a plain-words reason and never stops the others.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/media/image_file.h"
#include "engine/media/photo_checks.h"
#include "engine/store/project.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::workflow {

struct PhotoIntakeResult {
  std::string file;                      // the file as given (UTF-8)
  std::optional<std::int64_t> photo_id;  // set when the photo is in the project (new or duplicate)
  bool duplicate = false;                // the same photo was already in the project
  /// Empty on success; otherwise a stable code: "missing", "unreadable", a media fault name
  /// ("not-an-image", "unsupported", "too-large", "truncated", "corrupt", "empty") or a store
  /// fault name.
  std::string error;
  std::string message;                   // English: what went wrong and what to do
  std::vector<std::string> removed_metadata;  // personal metadata keys that were not kept
  std::vector<std::string> conversions;       // "16-bit", "cmyk", "alpha-on-white", ...
  int width = 0;
  int height = 0;
  bool ok() const { return error.empty(); }
};

/// Adds the files in order; reports one result per file. Progress: stage "import", one step
/// per file. Cancelling stops before the next file (photos already added stay). Throws only
/// for failures of the project file itself (StoreError other than Duplicate).
std::vector<PhotoIntakeResult> add_photos(store::Project& project, const std::vector<std::filesystem::path>& files,
                                          const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// The same for bytes already in memory (drag and drop from another program).
PhotoIntakeResult add_photo_bytes(store::Project& project, const std::vector<std::uint8_t>& bytes,
                                  const std::string& file_name);

/// Findings for the given photos (all photos when `photo_ids` is empty), computed from the
/// measurements stored at import. Finding::photo_ids are project photo ids as text.
std::vector<media::Finding> check_photos(const store::Project& project, const std::vector<std::int64_t>& photo_ids = {});

/// The photo as the trainer sees it: 8-bit RGB with its orientation applied.
media::RgbImage photo_pixels(const store::Project& project, std::int64_t photo_id);

/// What a list of files and folders given by the user (dropped on the window, named on the
/// command line) holds, ready for add_photos.
struct PhotoArguments {
  /// Photos to import: named files as given (also ones that do not exist or are not photos, so
  /// add_photos reports them), then every photo file found in the given folders and all their
  /// subfolders, each folder's photos sorted by path. A path is listed once.
  std::vector<std::filesystem::path> files;
  /// Files found inside the given folders that are not photos (by name), sorted.
  std::vector<std::filesystem::path> not_photos;
  /// Given folders in which (recursively) no photo was found, in the order given.
  std::vector<std::filesystem::path> empty_folders;
};

/// Sorts what the user gave into photos, other files and folders without photos, by name
/// only (nothing is opened). A photo by name is a format Rashisa imports (JPEG, PNG, WebP,
/// TIFF, BMP) or one it refuses with advice on converting (HEIC/HEIF, AVIF, GIF, PSD,
/// JPEG XL/2000, camera RAW such as DNG, CR2, NEF, ARW), so those reach add_photos and get
/// that advice. Hidden files and folders (names starting with '.') and OS litter (Thumbs.db,
/// desktop.ini, __MACOSX) are ignored. Folder symlinks inside a given folder are not followed
/// (no loops); subfolders that cannot be read are skipped. Never throws for file-system errors.
PhotoArguments collect_photo_arguments(const std::vector<std::filesystem::path>& items);

/// True when the file name has a photo extension in the sense of collect_photo_arguments.
bool is_photo_name(const std::filesystem::path& file);

}  // namespace rashisa::workflow
