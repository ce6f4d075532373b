#include "engine/workflow/scratch_dir.h"

#include "engine/core/error.h"
#include "engine/platform/platform.h"

#include <atomic>

namespace rashisa::workflow {

namespace fs = std::filesystem;

ScratchDir::ScratchDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  std::error_code ec;
  const fs::path base = fs::temp_directory_path(ec);
  if (ec) throw Error(ErrorCode::FileWrite, "there is no temporary folder to work in: " + ec.message());
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = base / fs::u8path("rashisa-" + tag + "-" + std::to_string(platform::process_id()) + "-" +
                              std::to_string(counter++));
    if (fs::create_directory(path_, ec)) {
      fs::permissions(path_, fs::perms::owner_all, fs::perm_options::replace, ec);
      return;
    }
  }
  throw Error(ErrorCode::FileWrite, "could not create a temporary folder in " + base.u8string());
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace rashisa::workflow
