#pragma once
// Photo files and folders named on the command line (`project add-photos`, `train --photos`).
#include "engine/workflow/photo_intake.h"

#include <string>
#include <vector>

namespace rashisa::cli {

/// Collects the photos in the given files and folders (recursively; workflow::
/// collect_photo_arguments) and tells on stderr what was passed over: one line naming the
/// files that are not photos (the first few, then how many more) and one line per folder
/// without photos. Error(FileNotFound) when no photo was found at all.
workflow::PhotoArguments gather_photo_arguments(const std::vector<std::string>& items);

/// "a.txt, b.pdf, c.docx, d.zip, e.mov and 3 more": file names, at most `shown` of them.
std::string name_list(const std::vector<std::filesystem::path>& files, std::size_t shown = 5);

}  // namespace rashisa::cli
