#pragma once
// Exporting reviewed images from a project: approved images to labelled PNG/JPEG files and a
// contact sheet of a batch for review meetings. Torch-free.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/export/image_export.h"
#include "engine/store/project.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::workflow {

/// The file-name pattern exports use unless told otherwise.
constexpr const char* kDefaultExportNamePattern = "{product}-{template}-{image}";

struct ExportRequest {
  std::filesystem::path folder;                    // must exist
  exporting::ExportFormat format = exporting::ExportFormat::Png;
  int jpeg_quality = 92;                           // 1..100
  /// Images to export; empty: every approved image (of `job_id` when set). Each must be
  /// approved: only reviewed work leaves the project.
  std::vector<std::int64_t> image_ids;
  std::optional<std::int64_t> job_id;
  /// Whether the prompt, the negative prompt and the "parameters" text go into the files.
  /// Off by default: files that leave the company carry the AI label (DigitalSourceType,
  /// always written), the seed, the settings and the base-model hash, but not the prompt
  /// wording, which can reveal unreleased products. The project keeps everything.
  bool include_prompts = false;
  bool overwrite = false;                          // replace files that exist
  /// How files are named; see export_file_name().
  std::string name_pattern = kDefaultExportNamePattern;
};

struct ExportedFile {
  std::int64_t image_id = 0;
  std::filesystem::path path;
};

/// The file name (without folder) `image` gets from `pattern`, with ".png" or ".jpg" added.
/// Placeholders:
///   {product}   the product's name ("none" when the image has no product, e.g. it was removed)
///   {template}  the id text of the template the image was made from ("white-studio"; "none"
///               when there is none or it was removed)
///   {image}     the image's number          {seed}  its seed
///   {job}       its batch's number (0 when it has none)
///   {date}      the day it was made, YYYYMMDD (UTC)
///   {index}     `index` (1-based position in the export), zero-padded to the width of `count`
/// `{{` and `}}` are literal braces. The name is made safe on Windows and Linux: / \ : * ? " < >
/// | and control characters become '_', leading and trailing spaces and dots are dropped, a
/// reserved Windows name (CON, PRN, AUX, NUL, COM1-9, LPT1-9) gets a '_' after it, an empty
/// name becomes "image", and the whole name is at most 150 bytes of UTF-8, cut between
/// characters; Japanese and other text stays as it is. Throws Error(InvalidArgument) for an
/// empty pattern, unbalanced braces, or unknown placeholders (naming all of them).
/// Reads the product and template names from the project (a few small queries), cheap enough
/// for a live preview while the user types. Two images of one export with the same name get
/// "-2", "-3", ... from export_file_names(), not here.
std::string export_file_name(const store::Project& project, const store::ImageInfo& image,
                             exporting::ExportFormat format, const std::string& pattern, std::size_t index = 1,
                             std::size_t count = 1);

/// The names export_images() gives `images` in this order: export_file_name() with index
/// 1..n and count n, and "-2", "-3", ... before the extension for a name already taken
/// (compared without regard to ASCII case, as Windows does). Same errors as export_file_name().
std::vector<std::string> export_file_names(const store::Project& project, const std::vector<store::ImageInfo>& images,
                                           exporting::ExportFormat format, const std::string& pattern);

/// Writes each image atomically with its provenance (XMP, DigitalSourceType, settings; the
/// prompts and parameters only with include_prompts), named by export_file_names(), and records
/// every file in the audit log ("image.export" with the image, the path, the format and
/// whether prompts were included). Everything is checked before the first file is written:
/// unknown or unapproved images, a bad name pattern and existing files (without overwrite)
/// throw Error(InvalidArgument / FileWrite) and nothing is written. A file that holds exactly the
/// bytes this export writes for its image is one an earlier run finished before it stopped (a
/// full disk, a cancel): it is kept and counted, so the same export run again goes on with the
/// rest. Progress: stage "export".
std::vector<ExportedFile> export_images(store::Project& project, const ExportRequest& request,
                                        const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// A PNG contact sheet of the images (all of `job_id` when `image_ids` is empty), captioned
/// "#<image> seed <seed> <review>", written atomically to `path`.
void write_contact_sheet(const store::Project& project, const std::filesystem::path& path,
                         std::optional<std::int64_t> job_id, const std::vector<std::int64_t>& image_ids = {},
                         int columns = 4, int cell_size = 256);

}  // namespace rashisa::workflow
