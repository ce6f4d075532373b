// Photos: the user's original files with their import metadata and thumbnail.
#include "engine/core/sha256.h"
#include "engine/core/space_advice.h"
#include "engine/store/project_impl.h"

namespace rashisa::store {
namespace {

constexpr const char* kPhotoColumns =
    "id, file_name, sha256, byte_size, width, height, orientation, findings, added_at, "
    "thumbnail IS NOT NULL";

PhotoInfo photo_from(const sql::Statement& s) {
  PhotoInfo p;
  p.id = s.int64(0);
  p.file_name = s.text(1);
  p.sha256 = s.text(2);
  p.byte_size = s.int64(3);
  p.width = s.int32(4);
  p.height = s.int32(5);
  p.orientation = s.int32(6);
  p.findings = s.text(7);
  p.added_at = s.text(8);
  p.has_thumbnail = s.int64(9) != 0;
  return p;
}

std::int64_t insert_photo(Project::Impl& im, const Bytes& original, const NewPhoto& meta) {
  sqlite3* db = im.get();
  detail::require(!original.empty(), "The photo " + meta.file_name + " is empty.");
  detail::require(meta.width >= 0 && meta.height >= 0, "A photo's size cannot be negative.");
  detail::require(meta.orientation >= 1 && meta.orientation <= 8,
                  "A photo's EXIF orientation must be 1 to 8.");
  detail::require_json(db, meta.findings, "photo findings", false);
  const std::string sha = sha256_hex(original.data(), original.size());

  const char* what = "Could not add the photo";
  sql::Transaction tx(db, what);
  {
    sql::Statement dup(db, "SELECT id, file_name FROM photos WHERE sha256 = ?", what);
    dup.bind(1, sha);
    if (dup.step()) {
      throw StoreError(StoreFault::Duplicate, "“" + meta.file_name + "” is already in the project (as “" +
                                                  dup.text(1) + "”).");
    }
  }
  sql::Statement s(db,
                   "INSERT INTO photos(file_name, sha256, byte_size, width, height, orientation, "
                   "findings, added_at, thumbnail, original) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   what);
  s.bind(1, meta.file_name).bind(2, sha).bind(3, static_cast<std::int64_t>(original.size()));
  s.bind(4, meta.width).bind(5, meta.height).bind(6, meta.orientation).bind(7, meta.findings);
  s.bind(8, sql::now_utc());
  if (meta.thumbnail_png.empty()) {
    s.bind_null(9);
  } else {
    s.bind_blob(9, meta.thumbnail_png.data(), meta.thumbnail_png.size());
  }
  s.bind_blob(10, original.data(), original.size());
  s.run();
  const std::int64_t id = sqlite3_last_insert_rowid(db);
  detail::audit(db, im.actor, "photo.add",
                {{"photo", id}, {"file_name", meta.file_name}, {"sha256", sha}});
  tx.commit();
  return id;
}

}  // namespace

std::int64_t Project::add_photo(const Bytes& original, const NewPhoto& meta) {
  try {
    return insert_photo(impl(), original, meta);
  } catch (const StoreError& e) {
    // The photo, its thumbnail and the index entries; the journal holds only touched pages.
    throw with_space_advice(e, folder_of(impl().path),
                            static_cast<std::int64_t>(original.size() + meta.thumbnail_png.size() + 64 * 1024),
                            "store this photo in the project");
  }
}

std::vector<PhotoInfo> Project::list_photos() const {
  const std::string q = std::string("SELECT ") + kPhotoColumns + " FROM photos ORDER BY id";
  sql::Statement s(impl().get(), q.c_str(), "Could not list the photos");
  std::vector<PhotoInfo> out;
  while (s.step()) out.push_back(photo_from(s));
  return out;
}

PhotoInfo Project::get_photo(std::int64_t id) const {
  const std::string q = std::string("SELECT ") + kPhotoColumns + " FROM photos WHERE id = ?";
  sql::Statement s(impl().get(), q.c_str(), "Could not read the photo");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Photo", id);
  return photo_from(s);
}

Bytes Project::photo_bytes(std::int64_t id) const {
  sql::Statement s(impl().get(), "SELECT original, sha256 FROM photos WHERE id = ?",
                   "Could not read the photo");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Photo", id);
  Bytes bytes = s.blob(0);
  if (sha256_hex(bytes.data(), bytes.size()) != s.text(1)) {
    throw StoreError(StoreFault::Damaged, "The stored bytes of photo " + std::to_string(id) +
                                              " are damaged; open a backup copy of the project.");
  }
  return bytes;
}

Bytes Project::photo_thumbnail(std::int64_t id) const {
  sql::Statement s(impl().get(), "SELECT thumbnail FROM photos WHERE id = ?",
                   "Could not read the thumbnail");
  s.bind(1, id);
  if (!s.step()) detail::not_found("Photo", id);
  return s.blob(0);
}

void Project::set_photo_findings(std::int64_t id, const std::string& findings_json) {
  Impl& im = impl();
  sqlite3* db = im.get();
  detail::require_json(db, findings_json, "photo findings", false);
  const char* what = "Could not save the photo's findings";
  sql::Transaction tx(db, what);
  detail::require_row(db, "photos", "Photo", id);
  sql::Statement s(db, "UPDATE photos SET findings = ? WHERE id = ?", what);
  s.bind(1, findings_json).bind(2, id).run();
  detail::audit(db, im.actor, "photo.findings", {{"photo", id}});
  tx.commit();
}

void Project::remove_photo(std::int64_t id) {
  Impl& im = impl();
  sqlite3* db = im.get();
  const char* what = "Could not remove the photo";
  sql::Transaction tx(db, what);
  std::string name, sha;
  {
    sql::Statement q(db, "SELECT file_name, sha256 FROM photos WHERE id = ?", what);
    q.bind(1, id);
    if (!q.step()) detail::not_found("Photo", id);
    name = q.text(0);
    sha = q.text(1);
  }
  // secure_delete (set on every connection) overwrites the freed cells and overflow pages
  // with zeros, so the photo's bytes do not linger in the file.
  sql::Statement s(db, "DELETE FROM photos WHERE id = ?", what);
  s.bind(1, id).run();
  detail::audit(db, im.actor, "photo.remove", {{"photo", id}, {"file_name", name}, {"sha256", sha}});
  tx.commit();
}

}  // namespace rashisa::store
