#include "engine/store/file_ops.h"

#include "engine/platform/platform.h"
#include "engine/store/store_error.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace rashisa::store::files {
namespace {

StoreFault fault_of(const platform::OsError& error) {
  switch (error.fault) {
    case platform::OsFault::DiskFull: return StoreFault::DiskFull;
    case platform::OsFault::AccessDenied:
    case platform::OsFault::ReadOnly: return StoreFault::ReadOnly;
    default: return StoreFault::Io;
  }
}

[[noreturn]] void io_fail(const std::string& what, const fs::path& path, const platform::OsError& error) {
  throw StoreError(fault_of(error), what + " “" + path.u8string() + "”: " + error.message);
}

}  // namespace

fs::path temp_beside(const fs::path& target, const char* tag) {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  const auto seed = static_cast<std::uint64_t>(rd()) ^
                    static_cast<std::uint64_t>(
                        std::chrono::steady_clock::now().time_since_epoch().count()) ^
                    (static_cast<std::uint64_t>(counter++) << 48);
  char suffix[64];
  std::snprintf(suffix, sizeof suffix, "%s-%lu-%016llx", tag, platform::process_id(),
                static_cast<unsigned long long>(seed));
  fs::path dir = target.parent_path();
  return dir / fs::u8path("." + target.filename().u8string() + "." + suffix);
}

void fsync_file(const fs::path& path) {
  platform::OsError error;
  platform::File file = platform::File::open(path, platform::File::Mode::Existing, error);
  if (error) io_fail("Could not open", path, error);
  if (const auto flushed = file.sync()) io_fail("Could not flush", path, flushed);
}

void fsync_dir(const fs::path& dir) {
  // Some file systems refuse fsync on folders; the rename itself already happened.
  (void)platform::sync_directory(dir);
}

bool move_no_replace(const fs::path& from, const fs::path& to) {
  const platform::OsError error = platform::rename_no_replace(from, to);
  if (error.fault == platform::OsFault::AlreadyExists) return false;
  if (error) io_fail("Could not move the new project to", to, error);
  return true;
}

void move_replace(const fs::path& from, const fs::path& to) {
  if (const auto error = platform::replace_file(from, to)) io_fail("Could not replace", to, error);
}

void remove_quietly(const fs::path& path) noexcept {
  std::error_code ec;
  fs::remove(path, ec);
  fs::path journal = path;
  journal += "-journal";
  fs::remove(journal, ec);
}

std::optional<std::array<std::uint8_t, 100>> read_header(const fs::path& path, bool& readable) {
  std::ifstream in(path, std::ios::binary);
  readable = static_cast<bool>(in);
  if (!in) return std::nullopt;
  std::array<std::uint8_t, 100> h{};
  in.read(reinterpret_cast<char*>(h.data()), static_cast<std::streamsize>(h.size()));
  if (in.gcount() != static_cast<std::streamsize>(h.size())) return std::nullopt;
  return h;
}

std::string os_user_name() {
  std::string name = platform::user_name();
  return name.empty() ? "unknown" : name;
}

}  // namespace rashisa::store::files
