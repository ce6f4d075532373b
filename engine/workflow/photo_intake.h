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

/// Folders are expanded to the image files directly inside them (sorted by name), files are
/// kept as given; a path that does not exist is kept too, so add_photos reports it.
std::vector<std::filesystem::path> expand_photo_arguments(const std::vector<std::string>& items);

}  // namespace rashisa::workflow
