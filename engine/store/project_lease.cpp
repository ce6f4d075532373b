// The project lease: a lock file beside the project, held with an OS lock (engine/platform
// LockFile), shared by every connection of this process through one registry.
#include "engine/store/project_lease.h"

#include "engine/platform/platform.h"
#include "engine/store/file_ops.h"
#include "engine/store/sql.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>

namespace fs = std::filesystem;
using nlohmann::json;

namespace rashisa::store {
namespace {

struct Share {
  platform::LockFile lock;
  fs::path file;
  int count = 0;
};

struct Registry {
  std::mutex mutex;
  std::map<std::string, Share> shares;  // by canonical project path
  std::string program = "Rashisa";
  std::function<void(const std::string&)> reporter;
};

Registry& registry() {
  static Registry* r = new Registry;  // never destroyed: leases may end during exit
  return *r;
}

std::string key_of(const fs::path& project) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(project, ec), ec);
  return (ec ? project : canonical).u8string();
}

LeaseHolder this_process(const std::string& program) {
  LeaseHolder h;
  h.program = program;
  h.host = platform::host_name();
  h.user = files::os_user_name();
  h.pid = platform::process_id();
  h.since = sql::now_utc();
  return h;
}

/// The holder named in a lock file another program holds; nullopt while it is still being
/// written (the lock comes first, the details a moment later) or was just removed.
std::optional<LeaseHolder> read_holder(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return holder_from_json(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
}

[[noreturn]] void refuse_lock_file(const fs::path& project, const fs::path& file, const platform::OsError& e) {
  if (e.fault == platform::OsFault::ReadOnly || e.fault == platform::OsFault::AccessDenied) {
    throw StoreError(StoreFault::ReadOnly,
                     "Rashisa cannot write beside “" + project.u8string() + "” (" + e.message +
                         "): its folder is write-protected. Copy the project to a folder you can write to "
                         "and open the copy, or open it read-only.");
  }
  throw StoreError(StoreFault::Io, "Could not make the lock file “" + file.u8string() + "”: " + e.message +
                                       ". The project was not changed.");
}

/// Takes the OS lock and writes this process into the file. Throws when it cannot.
Share take(const fs::path& project, const Registry& r) {
  Share share;
  share.file = lease_file(project);
  platform::LockFile::Outcome outcome = platform::LockFile::Outcome::Failed;
  platform::OsError error;
  // A holder without readable details is starting or just ending: ask again for half a second.
  for (int attempt = 0;; ++attempt) {
    share.lock = platform::LockFile::try_lock(share.file, outcome, error);
    if (outcome != platform::LockFile::Outcome::Held) break;
    if (const auto holder = read_holder(share.file)) throw ProjectInUse(project, *holder);
    if (attempt == 25) throw ProjectInUse(project, LeaseHolder{"another program", {}, {}, 0, {}});
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (outcome == platform::LockFile::Outcome::Failed) refuse_lock_file(project, share.file, error);
  // Details without a lock: their holder ended without closing the project.
  const auto stale = holder_from_json(share.lock.read_all(error));
  if (stale && r.reporter) {
    r.reporter("took over “" + project.u8string() + "” from " + describe_holder(*stale) +
               ", which ended without closing it");
  }
  if (const auto e = share.lock.replace_contents(holder_to_json(this_process(r.program)))) {
    share.lock.remove_and_unlock(share.file);
    refuse_lock_file(project, share.file, e);
  }
  return share;
}

}  // namespace

std::string describe_holder(const LeaseHolder& h) {
  std::string out = h.program.empty() ? "another program" : h.program;
  if (!h.host.empty()) out += " on " + h.host;
  if (!h.user.empty()) out += " by " + h.user;
  if (h.since.size() >= 16) out += " since " + h.since.substr(0, 10) + " " + h.since.substr(11, 5) + " UTC";
  if (h.pid != 0) out += " (pid " + std::to_string(h.pid) + ")";
  return out;
}

std::string holder_to_json(const LeaseHolder& h) {
  return json{{"program", h.program}, {"host", h.host}, {"user", h.user}, {"pid", h.pid}, {"since", h.since}}
             .dump(-1, ' ', false, json::error_handler_t::replace) +
         "\n";
}

std::optional<LeaseHolder> holder_from_json(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  LeaseHolder h;
  const auto str = [&](const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  h.program = str("program");
  h.host = str("host");
  h.user = str("user");
  h.since = str("since");
  const auto pid = j.find("pid");
  if (pid != j.end() && pid->is_number_unsigned()) h.pid = pid->get<unsigned long>();
  if (h.program.empty() && h.host.empty() && h.pid == 0) return std::nullopt;
  return h;
}

void set_lease_program(const std::string& program) {
  Registry& r = registry();
  const std::lock_guard<std::mutex> guard(r.mutex);
  r.program = program;
}

void set_lease_reporter(std::function<void(const std::string&)> reporter) {
  Registry& r = registry();
  const std::lock_guard<std::mutex> guard(r.mutex);
  r.reporter = std::move(reporter);
}

fs::path lease_file(const fs::path& project) {
  fs::path file = project;
  file += ".lock";
  return file;
}

ProjectInUse::ProjectInUse(const fs::path& project, LeaseHolder holder)
    : StoreError(StoreFault::InUse, "“" + project.u8string() + "” is open in " + describe_holder(holder) +
                                        "; close it there, or open it read-only"),
      holder_(std::move(holder)) {}

ProjectLease ProjectLease::acquire(const fs::path& project) {
  Registry& r = registry();
  const std::lock_guard<std::mutex> guard(r.mutex);
  std::string key = key_of(project);
  auto it = r.shares.find(key);
  if (it == r.shares.end()) it = r.shares.emplace(key, take(project, r)).first;
  ++it->second.count;
  ProjectLease lease;
  lease.key_ = std::move(key);
  return lease;
}

void ProjectLease::release() noexcept {
  if (key_.empty()) return;
  Registry& r = registry();
  const std::lock_guard<std::mutex> guard(r.mutex);
  const auto it = r.shares.find(key_);
  if (it != r.shares.end() && --it->second.count == 0) {
    it->second.lock.remove_and_unlock(it->second.file);
    r.shares.erase(it);
  }
  key_.clear();
}

}  // namespace rashisa::store
