// libFuzzer target: a project file with arbitrary bytes (a copy from another machine, a file
// cut short on a USB stick) -> store::Project::open and the listings every front end reads
// first. The outcome is an open project or a typed StoreError, never a crash.
#include "engine/store/project.h"
#include "tests/fuzz/fuzz_check.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
namespace store = rashisa::store;

namespace {

// One folder per process, under TMPDIR, removed at exit.
class Scratch {
 public:
  Scratch() {
    std::random_device random;
    dir_ = fs::temp_directory_path() / ("rashisa-fuzz-project-" + std::to_string(random()));
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }
  // Removes what the last run left (the file, its journal, a migration backup).
  void clear() const {
    for (const auto& entry : fs::directory_iterator(dir_)) fs::remove_all(entry.path());
  }

 private:
  fs::path dir_;
};

void read_everything(const store::Project& project) {
  project.base_model();
  project.list_photos();
  for (const auto& c : project.list_concepts()) {
    project.concept_photos(c.id);
    project.list_previews(c.id);
  }
  project.list_templates();
  project.list_jobs();
  project.list_images();
  project.audit_log(20);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Scratch scratch;
  scratch.clear();
  const fs::path path = scratch.dir() / "fuzz.rashisa";
  {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    rashisa::fuzz::require(static_cast<bool>(out), "the scratch file is written");
  }
  try {
    store::Project project = store::Project::open(path);
    read_everything(project);
  } catch (const store::StoreError&) {
  }
  return 0;
}
