#pragma once
// Exporting reviewed images from a project: approved images to labelled PNG/JPEG files and a
// contact sheet of a batch for review meetings. Torch-free.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/export/image_export.h"
#include "engine/store/project.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::workflow {

struct ExportRequest {
  std::filesystem::path folder;                    // must exist
  exporting::ExportFormat format = exporting::ExportFormat::Png;
  int jpeg_quality = 92;                           // 1..100
  /// Images to export; empty: every approved image (of `job_id` when set). Each must be
  /// approved: only reviewed work leaves the project.
  std::vector<std::int64_t> image_ids;
  std::optional<std::int64_t> job_id;
  bool include_prompts = true;                     // see exporting::ImageProvenance
  bool overwrite = false;                          // replace files that exist
};

struct ExportedFile {
  std::int64_t image_id = 0;
  std::filesystem::path path;
};

/// "rashisa-<job>-<image>-<seed>.png" (".jpg" for JPEG); job 0 for images without a job.
std::string export_file_name(const store::ImageInfo& image, exporting::ExportFormat format);

/// Writes each image atomically with its provenance (XMP, DigitalSourceType, parameters) and
/// records every file in the audit log. Everything is checked before the first file is written:
/// unknown or unapproved images and existing files (without overwrite) throw
/// Error(InvalidArgument / FileWrite) and nothing is written. Progress: stage "export".
std::vector<ExportedFile> export_images(store::Project& project, const ExportRequest& request,
                                        const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// A PNG contact sheet of the images (all of `job_id` when `image_ids` is empty), captioned
/// "#<image> seed <seed> <review>", written atomically to `path`.
void write_contact_sheet(const store::Project& project, const std::filesystem::path& path,
                         std::optional<std::int64_t> job_id, const std::vector<std::int64_t>& image_ids = {},
                         int columns = 4, int cell_size = 256);

}  // namespace rashisa::workflow
