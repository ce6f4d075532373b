#include "app/cli/preview_files.h"

#include "engine/core/error.h"
#include "engine/model_io/atomic_file.h"

#include <cstdio>
#include <string>
#include <vector>

namespace rashisa::cli {

namespace fs = std::filesystem;

void prepare_preview_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw Error(ErrorCode::FileWrite, "cannot make the preview folder " + dir.u8string() +
                                          (ec ? " (" + ec.message() + ")" : std::string()) +
                                          "; choose a folder you can write to");
}

void write_preview_files(const fs::path& dir, const workflow::TrainingPreview& p) {
  char stem[96];
  std::snprintf(stem, sizeof stem, "stage%d-step%04lld-seed%lld", p.stage, static_cast<long long>(p.step),
                static_cast<long long>(p.seed));
  model_io::write_file_atomically(dir / (std::string(stem) + ".png"), p.image_png.data(), p.image_png.size());
  const auto heat = workflow::heatmap_overlay_png(p.image_png, p.heatmap_png);
  model_io::write_file_atomically(dir / (std::string(stem) + "-heat.png"), heat.data(), heat.size());
}

}  // namespace rashisa::cli
