#pragma once
// The demo: everything Rashisa needs to show its whole job on any computer in a few minutes,
// made by Rashisa itself (nothing is downloaded, no Stable Diffusion weights are needed).
//
// - Demo photos: one product (a glazed mug with a printed band) drawn from several angles and
//   in several lights at photo size, plus one deliberately blurry photo and one near-duplicate
//   so the photo checks have something to say.
// - A demo model: a tiny model of the Stable Diffusion 1.5 architecture (every component, the
//   real loader reads it like any diffusers folder) with deterministic weights and a small
//   vocabulary of its own. It is for trying the workflow: its images are abstract patterns.
// - A demo project: the photos, the demo model as its base, the catalogue templates at a size
//   and step count that suit a CPU, and the product's name and category filled in.
//
// The same bytes every time, on every platform (no libm transcendental in the generators).
// Torch-free header.
#include "engine/core/no_qt.h"
#include "engine/core/progress.h"
#include "engine/workflow/concept_training.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rashisa::store {
class Project;
}

namespace rashisa::workflow {

// ---- photos ---------------------------------------------------------------------------------

struct DemoPhoto {
  std::string file_name;            // "mug-01-front.jpg", ...
  std::string role;                 // "good", "blurry", "near-duplicate"
  std::vector<std::uint8_t> jpeg;   // the file's bytes
};

/// Draws the demo photos (1600 x 1200 JPEG), in file-name order. Deterministic.
std::vector<DemoPhoto> draw_demo_photos();

// ---- model ----------------------------------------------------------------------------------

/// The demo vocabulary's files: vocab.json and merges.txt in the CLIP BPE format. Every word of
/// the built-in catalogue's prompts and every category word of the window's list is in it (the
/// category words as one token each); any other text is spelled out from single characters.
struct DemoTokenizerText {
  std::string vocab_json;
  std::string merges_txt;
  std::size_t vocab_size = 0;
};
DemoTokenizerText demo_tokenizer_text();

/// Writes the demo model, a diffusers folder, into `dir` (created; files in it are replaced).
/// Marked as the demo in model_index.json ("_rashisa_demo"). About 16 MB. Throws rashisa::Error
/// (FileWrite) when the folder cannot be written.
void write_demo_model(const std::filesystem::path& dir);

/// True when `model` is a diffusers folder written by write_demo_model (any version). Never throws.
bool is_demo_model(const std::filesystem::path& model);

// ---- project --------------------------------------------------------------------------------

/// Training settings that let the demo product learn on a 2-core CPU in a couple of minutes:
/// 128 px, 20 / 30 / 60 steps, batch 2, previews at stage ends only.
ConceptSetup demo_concept_setup(const std::string& product_name);
/// Kept in the demo project (front-end value) so the window offers these settings.
inline constexpr const char* kDemoSettingKey = "ui.demo";

/// The demo's training numbers, as the demo project keeps them (kDemoSettingKey).
struct DemoTraining {
  int resolution = 128;
  std::array<int, 3> steps{20, 30, 60};
  int batch = 2;
  int preview_every = 0;  // 0: previews at the end of each stage only
};
/// The numbers kept in `project`: none when it is not the demo project. A value that cannot be
/// read keeps the demo's own numbers for what it lacks. Never throws for a damaged value.
std::optional<DemoTraining> demo_training(const store::Project& project);

struct DemoOptions {
  std::string product_name = "Demo mug";  // the window passes its translation
  std::string device = "cpu";             // where the model is fingerprinted
};

struct DemoProject {
  std::filesystem::path project;  // DIR/demo.rashisa
  std::filesystem::path model;    // DIR/demo-model
  std::filesystem::path photos;   // DIR/demo-photos
  std::size_t photo_count = 0;
  std::size_t template_count = 0;
};

/// Makes the demo in `dir` (created when missing): the model, the photos (also kept as files,
/// so they can be dropped on the window again) and the project with them. Refuses
/// (Error(InvalidArgument), saying what to do) when `dir` already holds a demo project: nothing
/// the user made is replaced. Progress stages: "model", "photos", "project".
DemoProject make_demo_project(const std::filesystem::path& dir, const DemoOptions& options = {},
                              const ProgressCallback& progress = {}, const CancelToken* cancel = nullptr);

/// The paths make_demo_project uses in `dir` (nothing is read).
DemoProject demo_paths(const std::filesystem::path& dir);

}  // namespace rashisa::workflow
