#include "engine/model_io/mapped_file.h"

#include "engine/core/error.h"

namespace rashisa::model_io {

std::shared_ptr<const MappedFile> MappedFile::open(const std::filesystem::path& path) {
  std::shared_ptr<MappedFile> f(new MappedFile());
  f->path_ = path;
  platform::OsError error;
  f->view_ = platform::MappedView::open(path, error);
  if (error) {
    throw Error(error.fault == platform::OsFault::NotFound ? ErrorCode::FileNotFound : ErrorCode::FileRead,
                "cannot read " + path.u8string() + ": " + error.message);
  }
  return f;
}

}  // namespace rashisa::model_io
