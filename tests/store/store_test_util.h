#pragma once
// Helpers shared by the engine/store tests: scratch folders, raw file bytes, hashes,
// and a raw SQLite connection for looking under the Project API.
#include "engine/core/sha256.h"
#include "engine/store/project.h"
#include "engine/store/schema.h"
#include "engine/store/sql.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

namespace rashisa::store::testing {

namespace fs = std::filesystem;

/// A fresh folder removed at the end of the test. `prefer_ram` picks /dev/shm when it is
/// there (for tests whose point is process death, not the disk's fsync speed).
class TempDir {
 public:
  explicit TempDir(const std::string& tag, bool prefer_ram = false) {
    fs::path base = fs::temp_directory_path();
    std::error_code ec;
    if (prefer_ram && fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) {
      base = "/dev/shm";
    }
    std::random_device rd;
    path_ = base / ("rashisa_store_" + tag + "_" + std::to_string(::getpid()) + "_" +
                    std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

/// The fault of the StoreError that `f` throws (a test failure when it throws none).
inline StoreFault fault_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const StoreError& e) {
    return e.fault();
  }
  ADD_FAILURE() << "no StoreError thrown";
  return StoreFault::Internal;
}

inline Bytes read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_all(const fs::path& p, const Bytes& b) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

inline std::string file_sha256(const fs::path& p) {
  const Bytes b = read_all(p);
  return sha256_hex(b.data(), b.size());
}

inline Bytes random_bytes(std::mt19937_64& rng, std::size_t n) {
  Bytes b(n);
  for (std::size_t i = 0; i < n; i += 8) {
    const std::uint64_t v = rng();
    for (std::size_t k = 0; k < 8 && i + k < n; ++k) b[i + k] = static_cast<std::uint8_t>(v >> (8 * k));
  }
  return b;
}

inline std::size_t count_occurrences(const Bytes& hay, const Bytes& needle) {
  if (needle.empty() || hay.size() < needle.size()) return 0;
  std::size_t n = 0;
  auto it = hay.begin();
  while ((it = std::search(it, hay.end(), needle.begin(), needle.end())) != hay.end()) {
    ++n;
    ++it;
  }
  return n;
}

/// A raw connection, for setting up foreign/old files and for looking at rows directly.
class RawDb {
 public:
  explicit RawDb(const fs::path& p, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    if (sqlite3_open_v2(p.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "sqlite3_open_v2(" << p << "): " << sqlite3_errmsg(db_);
    }
  }
  ~RawDb() { sqlite3_close_v2(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  sqlite3* get() const { return db_; }
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << (err ? err : "?");
    }
    sqlite3_free(err);
  }
  std::int64_t scalar(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    std::int64_t v = -1;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      v = sqlite3_column_int64(s, 0);
    } else {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
    }
    sqlite3_finalize(s);
    return v;
  }
  /// Hash of every row of every table (in rowid / key order): equal contents, equal hash.
  std::string content_digest() {
    Sha256 h;
    std::vector<std::string> tables;
    {
      sqlite3_stmt* s = nullptr;
      sqlite3_prepare_v2(db_, "SELECT name, sql FROM sqlite_schema ORDER BY name", -1, &s, nullptr);
      while (sqlite3_step(s) == SQLITE_ROW) {
        const auto* name = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        const auto* sql = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
        h.update(name, std::strlen(name));
        if (sql) h.update(sql, std::strlen(sql));
      }
      sqlite3_finalize(s);
      sqlite3_prepare_v2(db_, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                         -1, &s, nullptr);
      while (sqlite3_step(s) == SQLITE_ROW) {
        tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
      }
      sqlite3_finalize(s);
    }
    for (const std::string& t : tables) {
      sqlite3_stmt* s = nullptr;
      const std::string q = "SELECT * FROM \"" + t + "\" ORDER BY 1, 2";
      if (sqlite3_prepare_v2(db_, q.c_str(), -1, &s, nullptr) != SQLITE_OK) {
        ADD_FAILURE() << q << ": " << sqlite3_errmsg(db_);
        continue;
      }
      while (sqlite3_step(s) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
          const int type = sqlite3_column_type(s, c);
          h.update(&type, sizeof type);
          const void* p = sqlite3_column_blob(s, c);
          const int n = sqlite3_column_bytes(s, c);
          if (p) h.update(p, static_cast<std::size_t>(n));
        }
      }
      sqlite3_finalize(s);
    }
    return h.hex();
  }

 private:
  sqlite3* db_ = nullptr;
};

/// Writes a project file as the schema of format `version` made it (migration steps
/// 0..version-1), runs `sql` on it, and returns the path of the backup Project::open saves
/// before migrating it ("<path>.v<version>.bak").
inline fs::path write_old_project(const fs::path& path, int version, const std::string& sql) {
  {
    sql::Connection c(path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "test");
    c.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str(), "test");
    schema::migrate(c.get(), 0, version, schema::migrations(), nullptr);
    c.exec(sql.c_str(), "test");
  }
  fs::path bak = path;
  bak += ".v" + std::to_string(version) + ".bak";
  return bak;
}

}  // namespace rashisa::store::testing
