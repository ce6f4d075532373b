#pragma once
// Who has a project open for writing. A program that changes a project holds its lease: a
// small file beside it ("<name>.rashisa.lock") that names the holder and carries an operating
// system lock, which the system drops when the holder ends however it ends. A second program
// is refused with ProjectInUse naming the holder and can open the project read-only
// (Project::open with OpenMode::ReadOnly). A lock file without a lock (its holder crashed or
// was killed) is stale and simply taken over.
//
// The lease is per process and per project: every Project this process opens for writing on
// the same file shares one lease (a registry keyed by the canonical path), so the window's
// worker-thread connections never lock each other out. SQLite still serialises the writes.
#include "engine/core/no_qt.h"
#include "engine/store/store_error.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace rashisa::store {

/// The program holding a project, as its lock file says.
struct LeaseHolder {
  std::string program;  // "rashisa-cli", "Rashisa (window)"
  std::string host;
  std::string user;
  unsigned long pid = 0;
  std::string since;  // UTC, ISO 8601: "2026-12-02T09:41:07Z"
};

/// "Rashisa (window) on HOST by USER since 2026-12-02 09:41 UTC (pid 1234)"; parts the
/// holder did not record are left out.
std::string describe_holder(const LeaseHolder& holder);
/// The lock file's contents: one JSON object with the fields above.
std::string holder_to_json(const LeaseHolder& holder);
/// nullopt when `json` is not such an object (an empty file, one being written).
std::optional<LeaseHolder> holder_from_json(const std::string& json);

/// Names this process in the leases it takes (default "Rashisa"). Call once at start.
void set_lease_program(const std::string& program);
/// Receives one English line when a stale lease is taken over (the CLI prints it, the window
/// logs it). Default: none.
void set_lease_reporter(std::function<void(const std::string& line)> reporter);

/// The lock file of `project`: "<project>.lock".
std::filesystem::path lease_file(const std::filesystem::path& project);

/// StoreFault::InUse with the holder: another program has the project open for writing.
class ProjectInUse : public StoreError {
 public:
  ProjectInUse(const std::filesystem::path& project, LeaseHolder holder);
  const LeaseHolder& holder() const noexcept { return holder_; }

 private:
  LeaseHolder holder_;
};

/// This process's share of a project's lease. Move-only; released by the destructor (the
/// last share of the process removes the lock file and drops the lock).
class ProjectLease {
 public:
  /// Takes the lease, or another share of the one this process holds. Throws ProjectInUse
  /// when another program holds it, StoreError ReadOnly when no lock file can be made beside
  /// the project, Io otherwise.
  static ProjectLease acquire(const std::filesystem::path& project);

  ProjectLease() noexcept = default;
  ~ProjectLease() { release(); }
  ProjectLease(ProjectLease&& other) noexcept { key_.swap(other.key_); }
  ProjectLease& operator=(ProjectLease&& other) noexcept {
    ProjectLease old(std::move(other));
    key_.swap(old.key_);
    return *this;
  }
  ProjectLease(const ProjectLease&) = delete;
  ProjectLease& operator=(const ProjectLease&) = delete;

  bool held() const noexcept { return !key_.empty(); }
  void release() noexcept;

 private:
  std::string key_;  // the registry key; empty when not held
};

}  // namespace rashisa::store
