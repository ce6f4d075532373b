#include "engine/model_io/diffusers_folder.h"

#include "engine/model_io/python_json.h"

#include "engine/core/error.h"
#include "engine/model_io/model_check.h"
#include "engine/model_io/pickle_guard.h"
#include "engine/model_io/safetensors_torch.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace rashisa::model_io {

namespace fs = std::filesystem;

namespace {

std::string rel(const fs::path& root, const fs::path& p) { return p.lexically_relative(root).generic_u8string(); }

[[noreturn]] void missing(const fs::path& root, const fs::path& what, const std::string& hint = {}) {
  throw Error(ErrorCode::FileNotFound, root.u8string() + " is not a complete diffusers model folder: " +
                                           rel(root, what) + " is missing" + (hint.empty() ? "" : " (" + hint + ")"));
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

// Shard names come from a JSON file: only plain file names inside the folder are accepted.
fs::path shard_path(const fs::path& dir, const std::string& name, const fs::path& index) {
  const fs::path p = fs::u8path(name);
  if (name.empty() || p.has_parent_path() || p.is_absolute() || name == "." || name == ".." ||
      !ends_with(name, ".safetensors"))
    throw Error(ErrorCode::FileFormat, index.u8string() + " names the shard \"" + name +
                                           "\", which is not a .safetensors file in the same folder");
  return dir / p;
}

std::map<std::string, std::string> read_weight_map(const fs::path& index) {
  const nlohmann::json j = read_json_file(index);
  if (!j.is_object() || !j.contains("weight_map") || !j["weight_map"].is_object())
    throw Error(ErrorCode::FileFormat, index.u8string() + " has no \"weight_map\" object");
  std::map<std::string, std::string> out;
  for (auto it = j["weight_map"].begin(); it != j["weight_map"].end(); ++it) {
    if (!it.value().is_string())
      throw Error(ErrorCode::FileFormat, index.u8string() + ": the shard of \"" + it.key() + "\" is not a file name");
    out.emplace(it.key(), it.value().get<std::string>());
  }
  if (out.empty()) throw Error(ErrorCode::FileFormat, index.u8string() + " lists no tensors");
  return out;
}

// Ref: diffusers/src/diffusers/utils/hub_utils.py (_add_variant): the variant goes before the
// last suffix, so "x.safetensors" -> "x.fp16.safetensors" and
// "x.safetensors.index.json" -> "x.safetensors.index.fp16.json".
bool choose_variant(const fs::path& dir, const std::string& base, const std::string& variant, ComponentFiles& out) {
  const std::string v = variant.empty() ? "" : "." + variant;
  const fs::path single = dir / (base + v + ".safetensors");
  if (fs::is_regular_file(single)) {
    out.weights = {single};
    return true;
  }
  std::vector<fs::path> indexes = {dir / (base + ".safetensors.index" + v + ".json")};
  if (!variant.empty()) indexes.push_back(dir / (base + v + ".safetensors.index.json"));  // older diffusers naming
  for (const auto& index : indexes) {
    if (!fs::is_regular_file(index)) continue;
    std::set<std::string> shards;
    for (const auto& [tensor, shard] : read_weight_map(index)) shards.insert(shard);
    out.weights.clear();
    for (const auto& shard : shards) {
      const fs::path p = shard_path(dir, shard, index);
      if (!fs::is_regular_file(p))
        throw ModelError(ErrorCode::FileNotFound, ModelFault::MissingShard,
                         index.u8string() + " lists the shard " + shard +
                             ", which is missing. The model was not copied completely: copy it again, or download "
                             "it again from where you got it.");
      out.weights.push_back(p);
    }
    out.index = index;
    return true;
  }
  return false;
}

ComponentFiles open_component(const fs::path& root, const std::string& name, const std::string& base,
                              WeightVariant variant) {
  const fs::path dir = root / name;
  if (!fs::is_directory(dir)) missing(root, dir, "the folder of the " + name);
  const fs::path config = dir / "config.json";
  if (!fs::is_regular_file(config)) missing(root, config);
  ComponentFiles c;
  c.config = read_json_file(config);
  if (!c.config.is_object()) throw Error(ErrorCode::FileFormat, config.u8string() + " is not a JSON object");

  bool found = false;
  if (variant == WeightVariant::FP16) found = choose_variant(dir, base, "fp16", c) || choose_variant(dir, base, "", c);
  if (variant == WeightVariant::FP32) found = choose_variant(dir, base, "", c);
  if (variant == WeightVariant::Auto) found = choose_variant(dir, base, "", c) || choose_variant(dir, base, "fp16", c);
  if (found) return c;

  const auto files = files_in(dir);
  const bool any_safetensors = std::any_of(files.begin(), files.end(), [](const fs::path& p) {
    return ends_with(p.filename().u8string(), ".safetensors");
  });
  for (const auto& f : files)
    if (!any_safetensors && has_pickle_extension(f)) throw_pickle_refused(f);
  std::string have;
  for (const auto& f : files) have += (have.empty() ? "" : ", ") + f.filename().u8string();
  const std::string wanted = variant == WeightVariant::FP32 ? base + ".safetensors (float32 weights)"
                                                            : base + ".safetensors or " + base + ".fp16.safetensors";
  missing(root, dir / wanted, have.empty() ? "the folder is empty" : "the folder has: " + have);
}

}  // namespace

nlohmann::json read_json_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(fs::exists(path) ? ErrorCode::FileRead : ErrorCode::FileNotFound, "cannot read " + path.u8string());
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json j = parse_python_json(text);
  if (j.is_discarded()) throw Error(ErrorCode::FileFormat, path.u8string() + " is not valid JSON");
  return j;
}

bool is_diffusers_folder(const fs::path& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_regular_file(path / "model_index.json", ec);
}

DiffusersFolder DiffusersFolder::open(const fs::path& root, WeightVariant variant) {
  if (!fs::exists(root)) throw Error(ErrorCode::FileNotFound, "there is no model folder at " + root.u8string());
  if (!fs::is_directory(root)) throw Error(ErrorCode::InvalidArgument, root.u8string() + " is a file, not a diffusers model folder");
  DiffusersFolder f;
  f.root = root;
  const fs::path index = root / "model_index.json";
  if (!fs::is_regular_file(index)) missing(root, index, "a diffusers model folder starts with model_index.json");
  f.model_index = read_json_file(index);
  if (!f.model_index.is_object()) throw Error(ErrorCode::FileFormat, index.u8string() + " is not a JSON object");
  // Ref: diffusers StableDiffusionXLPipeline has a second text encoder; its UNet needs extra inputs.
  if (f.model_index.contains("text_encoder_2"))
    throw Error(ErrorCode::UnsupportedModel,
                root.u8string() + " is a Stable Diffusion XL model (it has text_encoder_2); only Stable Diffusion "
                                  "1.x and 2.x models are supported");
  for (const char* component : {"unet", "vae", "text_encoder", "tokenizer", "scheduler"}) {
    const auto it = f.model_index.find(component);
    if (it != f.model_index.end() && it->is_array() && !it->empty() && it->at(0).is_null())
      throw Error(ErrorCode::UnsupportedModel,
                  root.u8string() + ": model_index.json says this model has no " + component);
  }

  f.unet = open_component(root, "unet", "diffusion_pytorch_model", variant);
  f.vae = open_component(root, "vae", "diffusion_pytorch_model", variant);
  f.text_encoder = open_component(root, "text_encoder", "model", variant);

  const fs::path scheduler = root / "scheduler" / "scheduler_config.json";
  if (!fs::is_regular_file(scheduler)) missing(root, scheduler);
  f.scheduler_config = read_json_file(scheduler);
  if (!f.scheduler_config.is_object()) throw Error(ErrorCode::FileFormat, scheduler.u8string() + " is not a JSON object");

  f.tokenizer_dir = root / "tokenizer";
  for (const char* name : {"vocab.json", "merges.txt"})
    if (!fs::is_regular_file(f.tokenizer_dir / name)) missing(root, f.tokenizer_dir / name);
  return f;
}

std::map<std::string, torch::Tensor> load_component_weights(const ComponentFiles& files) {
  if (files.weights.empty()) throw Error(ErrorCode::InvalidArgument, "no weight files to load");
  std::map<std::string, torch::Tensor> out;
  std::map<std::string, std::string> origin;  // tensor -> shard file name
  for (const auto& path : files.weights) {
    const auto file = open_weights_file(path);
    for (auto& [name, tensor] : load_all(file)) {
      if (!out.emplace(name, tensor).second)
        throw Error(ErrorCode::FileFormat, "the tensor \"" + name + "\" is in both " + origin[name] + " and " +
                                               path.filename().u8string());
      origin[name] = path.filename().u8string();
    }
  }
  if (!files.index.empty()) {
    const auto map = read_weight_map(files.index);
    std::vector<std::string> problems;
    for (const auto& [name, shard] : map) {
      auto it = origin.find(name);
      if (it == origin.end()) problems.push_back("\"" + name + "\" is missing from " + shard);
      else if (it->second != shard) problems.push_back("\"" + name + "\" is in " + it->second + ", not " + shard);
    }
    for (const auto& [name, shard] : origin)
      if (!map.count(name)) problems.push_back("\"" + name + "\" in " + shard + " is not listed");
    if (!problems.empty()) {
      std::string msg = files.index.u8string() + " does not match its shards: ";
      for (std::size_t i = 0; i < problems.size() && i < 10; ++i) msg += (i ? "; " : "") + problems[i];
      if (problems.size() > 10) msg += "; ... and " + std::to_string(problems.size() - 10) + " more";
      throw ModelError(ErrorCode::FileFormat, ModelFault::MissingShard,
                       msg + ". The shards do not belong together: copy the model again, or download it again.");
    }
  }
  return out;
}

}  // namespace rashisa::model_io
