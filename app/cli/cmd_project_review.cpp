// rashisa-cli project review / export
#include "app/cli/exit_codes.h"
#include "app/cli/project_common.h"
#include "engine/core/error.h"
#include "engine/workflow/image_export.h"

#include <cstdio>

namespace rashisa::cli {

using nlohmann::json;

const char* const kReviewHelp =
    "usage: rashisa-cli project review PATH [--approve IDS] [--reject IDS] [--reset IDS] [--by NAME] [--json]\n"
    "\n"
    "Records the review of images (IDS like 4 or 1-3,9): approved images can be exported,\n"
    "rejected ones stay in the project but are not. --by names the reviewer (default: your\n"
    "user name); who and when is kept with each image and in the audit log.\n";

const char* const kExportHelp =
    "usage: rashisa-cli project export PATH --out FOLDER [options]\n"
    "\n"
    "Writes the approved images as PNG or JPEG files labelled as AI-generated (IPTC digital\n"
    "source type in XMP) with their seed, sampler, steps, guidance, base model and product. The\n"
    "prompt wording stays in the project unless --include-prompts is given (it can reveal\n"
    "unreleased products). No location or personal data from the photos is ever in them.\n"
    "  --format png|jpeg       (default png)\n"
    "  --quality N             JPEG quality 1-100 (default 92)\n"
    "  --job N                 only this batch's approved images\n"
    "  --images IDS            these images (each must be approved)\n"
    "  --name-pattern PATTERN  file names (default {product}-{template}-{image}); placeholders\n"
    "                          {product} {template} {image} {seed} {job} {date} (YYYYMMDD)\n"
    "                          {index} (1, 2, ... zero-padded); the extension is added, unsafe\n"
    "                          characters become '_', a name used twice gets -2, -3, ...\n"
    "  --include-prompts       also write the prompt, the negative prompt and the `parameters`\n"
    "                          text that common Stable Diffusion tools read\n"
    "  --no-prompts            leave the prompts out (the default; accepted for old scripts)\n"
    "  --overwrite             replace files of the same name in FOLDER\n"
    "  --contact-sheet FILE    also write a PNG contact sheet of the batch (all its images, with\n"
    "                          their review status) for review meetings\n";

int run_review(const std::vector<std::string>& argv, const CancelToken&) {
  Args args;
  if (parse_or_help(args, argv, {"approve", "reject", "reset", "by"}, {}, kReviewHelp)) return kOk;
  auto project = open_project(project_path_arg(args, "project review PATH --approve IDS"));
  if (auto by = args.get("by")) project.set_actor(*by);
  struct Change {
    const char* option;
    store::Review review;
  };
  std::vector<std::pair<std::int64_t, store::Review>> changes;
  for (const Change c : {Change{"approve", store::Review::Approved}, Change{"reject", store::Review::Rejected},
                         Change{"reset", store::Review::New}})
    if (auto ids = args.get(c.option))
      for (auto id : parse_id_list(*ids, std::string("--") + c.option)) changes.emplace_back(id, c.review);
  if (changes.empty()) throw Error(ErrorCode::InvalidArgument, "say which images to --approve, --reject or --reset");
  for (const auto& [id, r] : changes) project.get_image(id);  // all exist before any changes
  json list = json::array();
  for (const auto& [id, r] : changes) {
    project.set_review(id, r, project.actor());
    list.push_back({{"image", id}, {"review", store::review_name(r)}});
    if (!args.flag("json")) std::printf("image %lld %s\n", static_cast<long long>(id), store::review_name(r));
  }
  if (args.flag("json")) print_json({{"reviewer", project.actor()}, {"changes", list}});
  return kOk;
}

int run_export(const std::vector<std::string>& argv, const CancelToken& cancel) {
  Args args;
  if (parse_or_help(args, argv, {"out", "format", "quality", "job", "images", "contact-sheet", "name-pattern"},
                    {"include-prompts", "no-prompts", "overwrite"}, kExportHelp))
    return kOk;
  auto project = open_project(project_path_arg(args, "project export PATH --out FOLDER"));
  workflow::ExportRequest r;
  r.folder = std::filesystem::u8path(args.required("out"));
  const std::string format = args.get_or("format", "png");
  if (format == "png")
    r.format = exporting::ExportFormat::Png;
  else if (format == "jpeg" || format == "jpg")
    r.format = exporting::ExportFormat::Jpeg;
  else
    throw Error(ErrorCode::InvalidArgument, "--format must be png or jpeg");
  r.jpeg_quality = static_cast<int>(args.get_int("quality", 92, 1, 100));
  if (args.get("job")) r.job_id = args.get_int("job", 0, 1, INT64_MAX);
  if (auto ids = args.get("images")) r.image_ids = parse_id_list(*ids, "--images");
  if (args.flag("include-prompts") && args.flag("no-prompts"))
    throw Error(ErrorCode::InvalidArgument, "give either --include-prompts or --no-prompts, not both");
  r.include_prompts = args.flag("include-prompts");
  r.name_pattern = args.get_or("name-pattern", workflow::kDefaultExportNamePattern);
  r.overwrite = args.flag("overwrite");
  const auto files = workflow::export_images(project, r, {}, &cancel);
  json list = json::array();
  for (const auto& f : files) {
    list.push_back({{"image", f.image_id}, {"file", f.path.u8string()}});
    if (!args.flag("json")) std::printf("%s\n", f.path.u8string().c_str());
  }
  json out = {{"files", list}};
  if (auto sheet = args.get("contact-sheet")) {
    workflow::write_contact_sheet(project, std::filesystem::u8path(*sheet), r.job_id, r.job_id ? std::vector<std::int64_t>{} : r.image_ids);
    out["contact_sheet"] = *sheet;
    if (!args.flag("json")) std::printf("contact sheet %s\n", sheet->c_str());
  }
  if (args.flag("json")) print_json(out);
  return kOk;
}

}  // namespace rashisa::cli
