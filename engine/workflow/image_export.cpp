#include "engine/workflow/image_export.h"

#include "engine/core/error.h"
#include "engine/export/contact_sheet.h"
#include "engine/media/photo_import.h"
#include "engine/model_io/atomic_file.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <vector>

namespace rashisa::workflow {

namespace fs = std::filesystem;

namespace {

exporting::RgbImage decode_png(const store::Bytes& png, std::int64_t id) {
  const auto photo = media::import_photo(png, "image " + std::to_string(id) + ".png");
  return {photo.image.width, photo.image.height, photo.image.pixels};
}

std::string concept_label(const store::Project& project, const std::optional<std::int64_t>& id) {
  if (!id) return {};
  try {
    return std::to_string(*id) + ":" + project.get_concept(*id).spec.name;
  } catch (const store::StoreError&) {
    return std::to_string(*id);  // the concept was removed after the image was made
  }
}

exporting::ImageProvenance provenance_of(const store::Project& project, const store::ImageInfo& i,
                                        const ExportRequest& r) {
  exporting::ImageProvenance p;
  p.prompt = i.params.prompt;
  p.negative_prompt = i.params.negative_prompt;
  p.seed = static_cast<std::uint64_t>(i.params.seed);
  p.sampler = i.params.sampler;
  p.steps = i.params.steps;
  p.guidance = i.params.guidance;
  p.base_model_hash = i.params.base_model_sha256;
  p.concept_id = concept_label(project, i.concept_id);
  p.include_prompts = r.include_prompts;
  return p;
}

/// True when `path` holds exactly the bytes this export writes for the image: an earlier run of
/// the same export finished this file before it stopped (a full disk, a cancel), so running it
/// again goes on with the rest. Any other file there is the user's and is never replaced.
bool finished_before(const store::Project& project, const store::ImageInfo& i, const ExportRequest& r,
                     const fs::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  const auto size = static_cast<std::size_t>(in.tellg());
  const std::vector<std::uint8_t> expected = exporting::export_bytes(
      decode_png(project.image_png(i.id), i.id), r.format, r.jpeg_quality, provenance_of(project, i, r));
  if (size != expected.size()) return false;
  std::vector<std::uint8_t> actual(size);
  in.seekg(0);
  return in.read(reinterpret_cast<char*>(actual.data()), static_cast<std::streamsize>(size)) && actual == expected;
}

}  // namespace

std::vector<ExportedFile> export_images(store::Project& project, const ExportRequest& r,
                                        const ProgressCallback& progress, const CancelToken* cancel) {
  if (!fs::is_directory(r.folder))
    throw Error(ErrorCode::FileWrite, "the export folder " + r.folder.u8string() + " does not exist; create it first");
  if (r.jpeg_quality < 1 || r.jpeg_quality > 100)
    throw Error(ErrorCode::InvalidArgument, "JPEG quality must be from 1 to 100");
  std::vector<store::ImageInfo> images;
  if (r.image_ids.empty()) {
    for (auto& i : project.list_images(r.job_id))
      if (i.review == store::Review::Approved) images.push_back(std::move(i));
    if (images.empty())
      throw Error(ErrorCode::InvalidArgument, "there are no approved images to export; approve some first (review)");
  } else {
    for (auto id : r.image_ids) {
      auto info = project.get_image(id);
      if (info.review != store::Review::Approved)
        throw Error(ErrorCode::InvalidArgument, "image " + std::to_string(id) + " is " + store::review_name(info.review) +
                                                    "; only approved images are exported (approve it first)");
      images.push_back(std::move(info));
    }
  }
  const auto names = export_file_names(project, images, r.format, r.name_pattern);
  std::vector<ExportedFile> plan;
  std::vector<bool> finished(images.size(), false);
  for (std::size_t k = 0; k < images.size(); ++k) {
    const fs::path path = r.folder / fs::u8path(names[k]);
    if (!r.overwrite && fs::exists(path)) {
      if (!finished_before(project, images[k], r, path))
        throw Error(ErrorCode::FileWrite, path.u8string() + " already exists; choose another folder or allow overwriting");
      finished[k] = true;
    }
    plan.push_back({images[k].id, path});
  }

  StepTimer timer(static_cast<int>(images.size()));
  for (std::size_t k = 0; k < images.size(); ++k) {
    check_cancel(cancel);
    const auto& i = images[k];
    if (!finished[k]) {
      exporting::export_image(plan[k].path.u8string(), decode_png(project.image_png(i.id), i.id), r.format,
                              r.jpeg_quality, provenance_of(project, i, r));
      project.log_action("image.export",
                         nlohmann::json{{"image", i.id}, {"to", fs::absolute(plan[k].path).u8string()},
                                        {"format", r.format == exporting::ExportFormat::Png ? "png" : "jpeg"},
                                        {"prompts", r.include_prompts}}
                             .dump());
    }
    if (progress) check_cancel(cancel, progress(timer.tick("export")));
  }
  return plan;
}

void write_contact_sheet(const store::Project& project, const fs::path& path, std::optional<std::int64_t> job_id,
                         const std::vector<std::int64_t>& image_ids, int columns, int cell_size) {
  std::vector<store::ImageInfo> images;
  if (image_ids.empty())
    images = project.list_images(job_id);
  else
    for (auto id : image_ids) images.push_back(project.get_image(id));
  if (images.empty()) throw Error(ErrorCode::InvalidArgument, "there are no images for a contact sheet");
  std::vector<exporting::ContactSheetItem> items;
  for (const auto& i : images)
    items.push_back({decode_png(project.image_png(i.id), i.id), "#" + std::to_string(i.id) + " seed " +
                                                                     std::to_string(i.params.seed) + " " +
                                                                     store::review_name(i.review)});
  const auto png = exporting::contact_sheet_png(items, columns, cell_size);
  model_io::AtomicFile out(path);
  out.write(png.data(), png.size());
  out.commit();
}

}  // namespace rashisa::workflow
