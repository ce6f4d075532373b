// bench_store: what keeping training checkpoints in the project file costs. Writes a
// checkpoint-sized blob into a fresh project (replacing the previous one, as training does at
// every checkpoint), reads it back, clears it and compacts the file; prints MB/s for each.
// A stage-3 checkpoint of SD 1.5/2.1 is about 10.4 GB (fp32 UNet + two AdamW moments).
//   bench_store [--mib N] [--dir FOLDER] [--repeats N]
#include "engine/store/project.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// A file of `mib` MiB of random bytes (incompressible, like weights).
void make_blob(const fs::path& path, long mib) {
  std::ofstream out(path, std::ios::binary);
  std::mt19937_64 rng(1);
  std::vector<std::uint64_t> block(1 << 17);  // 1 MiB
  for (long i = 0; i < mib; ++i) {
    for (auto& v : block) v = rng();
    out.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * 8));
  }
}

}  // namespace

int main(int argc, char** argv) {
  long mib = 1024;
  int repeats = 2;
  fs::path dir = fs::temp_directory_path();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--mib") mib = std::atol(argv[i + 1]);
    else if (a == "--dir") dir = argv[i + 1];
    else if (a == "--repeats") repeats = std::atoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: bench_store [--mib N] [--dir FOLDER] [--repeats N]\n");
      return 2;
    }
  }
  if (mib < 1 || repeats < 1) return 2;
  const fs::path work = dir / ("rashisa-bench-store-" + std::to_string(std::random_device{}()));
  fs::create_directories(work);
  try {
    make_blob(work / "blob", mib);
    auto project = rashisa::store::Project::create(work / "bench.rashisa");
    const auto id = project.add_concept({"bench", "<rashisa>", "mug", "{}"});
    const double mb = static_cast<double>(mib) * 1.048576;
    std::printf("project file in %s, checkpoint %ld MiB, synchronous=FULL, secure_delete=ON\n", work.c_str(), mib);
    for (int r = 0; r < repeats; ++r) {
      auto t = Clock::now();
      {
        std::ifstream in(work / "blob", std::ios::binary);
        project.save_checkpoint(id, in, {rashisa::store::ConceptStatus::Training, 3, 100 * (r + 1)});
      }
      const double save = seconds_since(t);
      std::printf("save_checkpoint %s  %8.2f s  %7.1f MB/s\n", r == 0 ? "(first)   " : "(replaces)", save, mb / save);
    }
    auto t = Clock::now();
    {
      std::ofstream out(work / "back", std::ios::binary);
      project.load_checkpoint(id, out);
    }
    const double load = seconds_since(t);
    std::printf("load_checkpoint            %8.2f s  %7.1f MB/s (hash checked)\n", load, mb / load);
    std::printf("file size with checkpoint  %8.1f MiB\n", static_cast<double>(fs::file_size(work / "bench.rashisa")) / 1048576.0);
    t = Clock::now();
    project.clear_checkpoint(id);
    const double clear = seconds_since(t);
    t = Clock::now();
    const auto released = project.compact();
    const double compact = seconds_since(t);
    std::printf("clear_checkpoint           %8.2f s\n", clear);
    std::printf("compact                    %8.2f s  (%.1f MiB given back; file now %.1f MiB)\n", compact,
                static_cast<double>(released) / 1048576.0,
                static_cast<double>(fs::file_size(work / "bench.rashisa")) / 1048576.0);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_store: %s\n", e.what());
    fs::remove_all(work);
    return 1;
  }
  fs::remove_all(work);
  return 0;
}
