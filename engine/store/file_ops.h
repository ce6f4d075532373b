#pragma once
// Private to engine/store: the few file-system steps SQLite does not do for us when a
// file is created or copied (fsync of a finished file and its folder, atomic moves).
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace rashisa::store::files {

/// A name beside `target` (same folder, so a rename is atomic) that does not exist yet:
/// ".<file name>.<tag>-<pid>-<random>".
std::filesystem::path temp_beside(const std::filesystem::path& target, const char* tag);

/// Flushes a closed file's data to the disk. Throws StoreError(Io / DiskFull).
void fsync_file(const std::filesystem::path& path);
/// Flushes a folder's entries (so a rename survives a power cut); no-op where unsupported.
void fsync_dir(const std::filesystem::path& dir);

/// Moves `from` to `to` unless `to` exists; false (and `from` untouched) when it does.
bool move_no_replace(const std::filesystem::path& from, const std::filesystem::path& to);
/// Moves `from` over `to`, replacing it atomically.
void move_replace(const std::filesystem::path& from, const std::filesystem::path& to);

/// Removes `path` and its SQLite journal, ignoring errors (cleanup after a failure).
void remove_quietly(const std::filesystem::path& path) noexcept;

/// The first 100 bytes of a file (SQLite's database header), or nothing when the file is
/// shorter or unreadable; `readable` tells the two apart.
std::optional<std::array<std::uint8_t, 100>> read_header(const std::filesystem::path& path,
                                                         bool& readable);

/// The OS account name, for the audit log ("unknown" when none is set).
std::string os_user_name();

}  // namespace rashisa::store::files
