// For the disk-full test (disk_full.sh), which must not depend on the sqlite3 program: opens a
// project read-only and prints one line a shell can compare:
//   integrity ok photos N images M products P:STATUS:STAGE:STEP:CHECKPOINT:PACKAGE ...
// Exit 0 when PRAGMA integrity_check and foreign_key_check pass, 1 when they do not, 2 when the
// project does not open (the reason on stderr).
#include "engine/store/project.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  using rashisa::store::Project;
  if (argc != 2) {
    std::fprintf(stderr, "usage: project_probe PROJECT\n");
    return 2;
  }
  try {
    const Project project = Project::open(std::filesystem::u8path(argv[1]), Project::OpenMode::ReadOnly);
    const bool ok = project.integrity_ok();
    std::printf("integrity %s photos %zu images %zu products", ok ? "ok" : "FAILED", project.list_photos().size(),
                project.list_images().size());
    for (const auto& c : project.list_concepts())
      std::printf(" %lld:%s:%d:%lld:%lld:%lld", static_cast<long long>(c.id),
                  rashisa::store::concept_status_name(c.progress.status), c.progress.stage,
                  static_cast<long long>(c.progress.step), static_cast<long long>(c.checkpoint_size.value_or(0)),
                  static_cast<long long>(c.package_size.value_or(0)));
    std::printf("\n");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "project_probe: %s\n", e.what());
    return 2;
  }
}
