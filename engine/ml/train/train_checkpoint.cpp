#include "engine/ml/train/train_checkpoint.h"

#include "engine/core/error.h"
#include "engine/model_io/safetensors_torch.h"

#include <torch/torch.h>

namespace rashisa::ml {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFormat = "rashisa-train-checkpoint/1";
const std::string kUnet = "unet.";
const std::string kOpt = "optimizer.";
}  // namespace

fs::path checkpoint_path(const fs::path& dir) { return dir / "training-checkpoint.safetensors"; }

void save_train_checkpoint(const fs::path& dir, const TrainCheckpoint& c) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(ErrorCode::FileWrite, "cannot create the checkpoint folder " + dir.u8string());
  std::map<std::string, torch::Tensor> t;
  t["embedding"] = c.embedding.detach();
  for (const auto& [k, v] : c.unet) t[kUnet + k] = v.detach();
  for (const auto& [k, v] : c.optimizer) t[kOpt + k] = v.detach();
  t["rng_state"] = c.rng_state;
  t["photo_order"] = c.photo_order;
  t["progress"] = torch::tensor({static_cast<int64_t>(c.stage), static_cast<int64_t>(c.step), c.photo_cursor},
                                torch::kInt64);
  model_io::save_tensors(checkpoint_path(dir), t,
                         {{"format", kFormat}, {"identity", c.identity.dump()}, {"losses", c.losses.dump()}});
}

std::optional<TrainCheckpoint> load_train_checkpoint(const fs::path& dir) {
  const auto path = checkpoint_path(dir);
  if (!fs::exists(path)) return std::nullopt;
  auto file = model_io::SafetensorsFile::open(path);
  auto fmt = file.metadata().find("format");
  if (fmt == file.metadata().end() || fmt->second != kFormat)
    throw Error(ErrorCode::FileFormat, path.u8string() + " is not a Rashisa training checkpoint");
  TrainCheckpoint c;
  try {
    c.identity = nlohmann::json::parse(file.metadata().at("identity"));
    c.losses = nlohmann::json::parse(file.metadata().at("losses"));
  } catch (const std::exception&) {
    throw Error(ErrorCode::FileFormat, path.u8string() + " has damaged metadata; delete it to start over");
  }
  for (auto& [name, view] : model_io::load_all(file)) {
    auto t = view.clone();
    if (name == "embedding") c.embedding = t;
    else if (name == "rng_state") c.rng_state = t;
    else if (name == "photo_order") c.photo_order = t;
    else if (name == "progress") {
      c.stage = static_cast<int>(t[0].item<int64_t>());
      c.step = static_cast<int>(t[1].item<int64_t>());
      c.photo_cursor = t[2].item<int64_t>();
    } else if (name.compare(0, kUnet.size(), kUnet) == 0) c.unet[name.substr(kUnet.size())] = t;
    else if (name.compare(0, kOpt.size(), kOpt) == 0) c.optimizer[name.substr(kOpt.size())] = t;
  }
  if (!c.embedding.defined() || !c.rng_state.defined() || !c.photo_order.defined() || c.stage < 1 || c.stage > 3)
    throw Error(ErrorCode::FileFormat, path.u8string() + " is incomplete; delete it to start over");
  return c;
}

}  // namespace rashisa::ml
