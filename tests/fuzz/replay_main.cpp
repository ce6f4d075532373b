// A main() for the fuzz targets without libFuzzer (any compiler): runs LLVMFuzzerTestOneInput
// once on every file given, or on every file under a folder given. The normal test suite
// replays each target's seed corpus and its regressions (crashes found and fixed) this way.
//   fuzz_<target>_replay [--optional] PATH...   (--optional: the next PATH may be absent)
#include "tests/fuzz/fuzz_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> files_under(const fs::path& path) {
  std::vector<fs::path> out;
  if (fs::is_regular_file(path)) return {path};
  for (const auto& entry : fs::recursive_directory_iterator(path))
    if (entry.is_regular_file()) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << file.u8string() << "\n";
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy of exactly the file's size, so reads past the end are caught (AddressSanitizer).
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t replayed = 0;
  bool optional = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--optional") {
      optional = true;
      continue;
    }
    const fs::path path = fs::u8path(arg);
    if (!fs::exists(path)) {
      if (optional) {
        optional = false;
        continue;
      }
      std::cerr << path.u8string() << " does not exist: give a corpus folder or an input file\n";
      return 2;
    }
    optional = false;
    for (const auto& file : files_under(path)) {
      if (!replay(file)) return 2;
      ++replayed;
    }
  }
  if (replayed == 0) {
    std::cerr << "no inputs replayed: give a corpus folder with at least one file\n";
    return 2;
  }
  std::cout << "replayed " << replayed << " inputs without a crash\n";
  return 0;
}
