// Large values (concept checkpoints and packages) as chunked blobs: one `blobs` row with
// size and sha256, and `blob_chunks` rows of kBlobChunkSize bytes each. Chunks keep every
// row well under SQLite's 1 GB value limit and let data stream in and out.
#include "engine/core/sha256.h"
#include "engine/store/project_impl.h"

#include <algorithm>
#include <cstring>
#include <istream>

namespace rashisa::store::detail {

ByteSource source_of(const Bytes& bytes) {
  auto pos = std::make_shared<std::size_t>(0);
  return [&bytes, pos](std::uint8_t* buffer, std::size_t capacity) {
    const std::size_t n = std::min(capacity, bytes.size() - *pos);
    if (n) std::memcpy(buffer, bytes.data() + *pos, n);
    *pos += n;
    return n;
  };
}

ByteSource source_of(std::istream& in) {
  return [&in](std::uint8_t* buffer, std::size_t capacity) {
    in.read(reinterpret_cast<char*>(buffer), static_cast<std::streamsize>(capacity));
    if (in.bad()) {
      throw StoreError(StoreFault::Io, "Could not read the data to store into the project.");
    }
    return static_cast<std::size_t>(in.gcount());
  };
}

std::int64_t put_blob(sqlite3* db, const ByteSource& source) {
  const char* what = "Could not store data in the project";
  sql::Statement head(db, "INSERT INTO blobs(size, sha256, created_at) VALUES(0, '', ?)", what);
  head.bind(1, sql::now_utc()).run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);

  sql::Statement chunk(db, "INSERT INTO blob_chunks(blob_id, chunk_index, bytes) VALUES(?, ?, ?)",
                       what);
  std::vector<std::uint8_t> buffer(kBlobChunkSize);
  Sha256 hash;
  std::int64_t total = 0;
  for (std::int64_t index = 0;; ++index) {
    std::size_t filled = 0;
    while (filled < buffer.size()) {
      const std::size_t n = source(buffer.data() + filled, buffer.size() - filled);
      if (n == 0) break;
      filled += n;
    }
    if (filled == 0) break;
    hash.update(buffer.data(), filled);
    chunk.reset();
    chunk.bind(1, id).bind(2, index).bind_blob(3, buffer.data(), filled).run();
    total += static_cast<std::int64_t>(filled);
    if (filled < buffer.size()) break;
  }
  sql::Statement done(db, "UPDATE blobs SET size = ?, sha256 = ? WHERE id = ?", what);
  done.bind(1, total).bind(2, hash.hex()).bind(3, id).run();
  return id;
}

std::int64_t blob_size(sqlite3* db, std::int64_t blob_id) {
  sql::Statement s(db, "SELECT size FROM blobs WHERE id = ?", "Could not read the project");
  s.bind(1, blob_id);
  if (!s.step()) {
    throw StoreError(StoreFault::Damaged, "Stored data " + std::to_string(blob_id) +
                                              " is missing from the project file; open a backup copy.");
  }
  return s.int64(0);
}

void read_blob(sqlite3* db, std::int64_t blob_id, const ByteSink& sink) {
  const char* what = "Could not read data from the project";
  sql::Statement head(db, "SELECT size, sha256 FROM blobs WHERE id = ?", what);
  head.bind(1, blob_id);
  const std::string damaged = "Stored data " + std::to_string(blob_id) +
                              " in the project file is damaged; open a backup copy.";
  if (!head.step()) throw StoreError(StoreFault::Damaged, damaged);
  const std::int64_t size = head.int64(0);
  const std::string sha = head.text(1);

  sql::Statement chunks(db, "SELECT chunk_index, bytes FROM blob_chunks WHERE blob_id = ? "
                            "ORDER BY chunk_index", what);
  chunks.bind(1, blob_id);
  Sha256 hash;
  std::int64_t total = 0;
  for (std::int64_t expected = 0; chunks.step(); ++expected) {
    // sqlite3_column_blob before sqlite3_column_bytes, as SQLite documents.
    const auto* p = static_cast<const std::uint8_t*>(chunks.blob_data(1));
    const std::size_t n = chunks.size(1);
    if (chunks.int64(0) != expected || (n > 0 && !p)) throw StoreError(StoreFault::Damaged, damaged);
    hash.update(p, n);
    sink(p, n);
    total += static_cast<std::int64_t>(n);
  }
  if (total != size || hash.hex() != sha) throw StoreError(StoreFault::Damaged, damaged);
}

}  // namespace rashisa::store::detail
