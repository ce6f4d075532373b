#pragma once
// Training previews as files for `rashisa-cli train` and `project train --preview-dir`.
#include "engine/workflow/concept_training.h"

#include <filesystem>

namespace rashisa::cli {

/// Creates the folder (and its parents) when it is not there. Error(FileWrite) saying why not.
void prepare_preview_dir(const std::filesystem::path& dir);

/// Writes DIR/stage{K}-step{NNNN}-seed{S}.png (the image) and DIR/stage{K}-step{NNNN}-seed{S}-heat.png
/// (the heat map as a colour overlay, workflow::heatmap_overlay_png), each to a temporary name
/// and renamed into place. Error(FileWrite) when a file cannot be written.
void write_preview_files(const std::filesystem::path& dir, const workflow::TrainingPreview& preview);

}  // namespace rashisa::cli
