// rashisa-cli project add-photos / photos / check / remove-photo
#include "app/cli/exit_codes.h"
#include "app/cli/photo_arguments.h"
#include "app/cli/project_common.h"
#include "engine/core/error.h"
#include "engine/workflow/photo_intake.h"

#include <cstdio>

namespace rashisa::cli {

using nlohmann::json;

const char* const kAddPhotosHelp =
    "usage: rashisa-cli project add-photos PATH FILES|FOLDERS... [--json]\n"
    "\n"
    "Adds photos of the product (JPEG, PNG, WebP, TIFF, BMP). A folder adds the photos in it\n"
    "and in all its subfolders; other files in it are skipped and named in one line, hidden\n"
    "files and system files (Thumbs.db, desktop.ini) are ignored. HEIC, AVIF and camera RAW\n"
    "photos are reported with how to convert them.\n"
    "Each photo is checked and stored with a thumbnail; GPS positions, camera serial numbers,\n"
    "owner names and embedded thumbnails are removed before anything is stored. A file that\n"
    "cannot be used is reported with the reason and the others are still added.\n"
    "Exit code 0 when every photo was added (or already there), 3 when some could not be,\n"
    "when a folder holds no photos, or when no photo was found at all.\n";

const char* const kPhotosHelp =
    "usage: rashisa-cli project photos PATH [--json]\n"
    "\n"
    "Lists the photos: number, file name, pixel size, sharpness and what was removed.\n";

const char* const kCheckHelp =
    "usage: rashisa-cli project check PATH [--photos IDS] [--json]\n"
    "\n"
    "Checks the photos together and says in plain words what to improve: too few or too many,\n"
    "too small, blurry, duplicates, product cut off at the edge or very small in the frame.\n"
    "Exit code 0 when nothing is an error (warnings are fine), 7 otherwise.\n";

const char* const kRemovePhotoHelp =
    "usage: rashisa-cli project remove-photo PATH IDS\n"
    "\n"
    "Removes photos (IDS like 3 or 2,5-7); none of their bytes stay in the project file.\n";

namespace {

json result_json(const workflow::PhotoIntakeResult& r) {
  json j = {{"file", r.file}, {"ok", r.ok()}};
  if (r.photo_id) j["photo"] = *r.photo_id;
  if (r.duplicate) j["duplicate"] = true;
  if (!r.ok()) j["error"] = r.error;
  if (!r.message.empty()) j["message"] = r.message;
  if (r.ok()) {
    j["width"] = r.width;
    j["height"] = r.height;
    j["removed_metadata"] = r.removed_metadata;
    j["conversions"] = r.conversions;
  }
  return j;
}

json finding_json(const media::Finding& f) {
  return {{"severity", media::severity_name(f.severity)}, {"code", f.code}, {"photos", f.photo_ids},
          {"message", f.message}};
}

}  // namespace

int run_add_photos(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kAddPhotosHelp)) return kOk;
  const std::string path = project_path_arg(args, "project add-photos PATH FILES...");
  std::vector<std::string> items(args.positionals().begin() + 1, args.positionals().end());
  if (items.empty()) throw Error(ErrorCode::InvalidArgument, "give the photo files or a folder of photos to add");
  auto project = open_project(path);
  const auto found = gather_photo_arguments(items);
  const auto results = workflow::add_photos(project, found.files, {}, &cancel);
  bool all_ok = found.empty_folders.empty();
  json list = json::array();
  for (const auto& r : results) {
    all_ok = all_ok && r.ok();
    if (args.flag("json")) {
      list.push_back(result_json(r));
    } else if (!r.ok()) {
      std::fprintf(stderr, "not added: %s\n  %s\n", r.file.c_str(), r.message.c_str());
    } else {
      std::printf("%s\tphoto %lld\t%dx%d%s\n", r.file.c_str(), static_cast<long long>(*r.photo_id), r.width, r.height,
                  r.duplicate ? "\t(already in the project)" : "");
      if (!r.removed_metadata.empty())
        std::printf("  removed %zu personal metadata fields (GPS, serial numbers, names, thumbnails)\n",
                    r.removed_metadata.size());
    }
  }
  if (args.flag("json")) print_json(list);
  if (!args.flag("json")) {
    const auto findings = workflow::check_photos(project);
    if (!findings.empty()) std::printf("run `rashisa-cli project check %s` for %zu notes on the photos\n", path.c_str(), findings.size());
  }
  return all_ok ? kOk : kInputMissing;
}

int run_photos(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kPhotosHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project photos PATH"));
  json list = json::array();
  for (const auto& p : project.list_photos()) {
    const json rec = json::parse(p.findings, nullptr, false);
    json j = {{"id", p.id}, {"file", p.file_name}, {"width", p.width}, {"height", p.height},
              {"bytes", p.byte_size}, {"sha256", p.sha256}, {"added_at", p.added_at}};
    if (rec.is_object()) {
      j["format"] = rec.value("format", "");
      j["removed_metadata"] = rec.value("removed_metadata", json::array());
      j["findings"] = rec.value("findings", json::array());
      if (rec.contains("measures")) j["sharpness"] = rec["measures"].value("sharpness", -1.0);
    }
    if (args.flag("json")) {
      list.push_back(j);
    } else {
      std::printf("%4lld  %-32s %5dx%-5d sharpness %7.1f  %zu findings\n", static_cast<long long>(p.id),
                  p.file_name.c_str(), p.width, p.height, j.value("sharpness", -1.0),
                  j.value("findings", json::array()).size());
    }
  }
  if (args.flag("json")) print_json(list);
  return kOk;
}

int run_check(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"photos"}, {}, kCheckHelp)) return kOk;
  const auto project = open_project_to_read(project_path_arg(args, "project check PATH"));
  std::vector<std::int64_t> ids;
  if (auto p = args.get("photos")) ids = parse_id_list(*p, "--photos");
  const auto findings = workflow::check_photos(project, ids);
  bool errors = false;
  json list = json::array();
  for (const auto& f : findings) {
    errors = errors || f.severity == media::Severity::Error;
    if (args.flag("json")) {
      list.push_back(finding_json(f));
    } else {
      std::string who;
      for (const auto& id : f.photo_ids) who += (who.empty() ? " photo " : ", ") + id;
      std::printf("%-7s %s%s\n  %s\n", media::severity_name(f.severity), f.code.c_str(), who.c_str(),
                  f.message.c_str());
    }
  }
  if (args.flag("json"))
    print_json({{"findings", list}, {"ok", !errors}});
  else if (findings.empty())
    std::printf("the photos look good for training\n");
  return errors ? kCheckFailed : kOk;
}

int run_remove_photo(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {}, {}, kRemovePhotoHelp)) return kOk;
  const std::string path = project_path_arg(args, "project remove-photo PATH IDS");
  if (args.positionals().size() != 2) throw Error(ErrorCode::InvalidArgument, "give the photo numbers to remove, e.g. 3 or 2,5-7");
  const auto ids = parse_id_list(args.positionals()[1], "photo numbers");
  auto project = open_project(path);
  for (auto id : ids) project.get_photo(id);  // all exist before any is removed
  for (auto id : ids) {
    project.remove_photo(id);
    if (!args.flag("json")) std::printf("removed photo %lld\n", static_cast<long long>(id));
  }
  if (const auto failed = project.try_compact())  // the removal stands; only the free space is still held
    std::fprintf(stderr, "warning: the removed photos' space is not given back to the disk yet: %s\n", failed->c_str());
  if (args.flag("json")) print_json({{"removed", ids}});
  return kOk;
}

}  // namespace rashisa::cli
