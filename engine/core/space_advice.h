#pragma once
// Sentences for writes that ran out of disk space or hit a read-only place. They name the
// folder and, where the caller knows it, about how much space the write needs, and say what
// to do next: free space (or make the place writable) and run the same command again, which
// resumes the job. Plain C++: used by engine/store, engine/export, engine/model_io and the CLI.
#include "engine/core/no_qt.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace rashisa {

/// "about 230 MB" / "about 1.4 GB" / "about 12 KB" (powers of 1000, as file managers show
/// them): two significant digits below 10 of a unit, none above; under 1 KB "about 1 KB".
std::string about_bytes(std::int64_t bytes);

/// "the disk holding /x/y is full: about 230 MB more is needed to save this checkpoint; free some
/// space there and run the same command again (what was saved before is kept)".
/// `needed` <= 0: the amount is not known and is left out. `purpose` completes "needed to ...".
std::string disk_full_advice(const std::filesystem::path& folder, std::int64_t needed, const std::string& purpose);

/// "/x/y is read-only, so Rashisa cannot save this checkpoint there; make it writable (or ...) and
/// run the same command again (what was saved before is kept)". `purpose` completes "cannot ...".
std::string read_only_advice(const std::filesystem::path& folder, const std::string& purpose);

/// The folder a file lives in, for the sentences above: `path`'s parent made absolute ("." when
/// it has none).
std::filesystem::path folder_of(const std::filesystem::path& path);

}  // namespace rashisa
