#pragma once
// A private temporary folder (mode 0700 on POSIX) removed with everything in it when the
// object goes away. For files the engine must hand to readers that map files (concept
// packages, training checkpoints) while the project file stays the place they live.
#include <filesystem>
#include <string>

namespace rashisa::workflow {

class ScratchDir {
 public:
  /// Creates "<temp>/rashisa-<tag>-<pid>-<n>". Throws Error(FileWrite).
  explicit ScratchDir(const std::string& tag);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace rashisa::workflow
