// libFuzzer target: the tensor names and shapes of a single-file (LDM) checkpoint -> what
// load_single_file does with them before reading any weight: the family, the synthesized
// diffusers configs, and every name mapped to its diffusers / transformers name. Only
// rashisa::Error may come out.
// Input: one tensor per line, "name" or "name=d0,d1,..." (the names and shapes a safetensors
// header carries; the header itself has its own target, fuzz_safetensors).
#include "engine/core/error.h"
#include "engine/model_io/ldm_configs.h"
#include "engine/model_io/ldm_names.h"
#include "tests/fuzz/fuzz_check.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mio = rashisa::model_io;
using rashisa::fuzz::require;

namespace {

std::vector<std::int64_t> parse_shape(std::string_view text) {
  std::vector<std::int64_t> shape;
  std::int64_t d = 0;
  int digits = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9' && digits < 18) {
      d = d * 10 + (c - '0');
      ++digits;
    } else if (c == ',') {
      shape.push_back(d);
      d = 0;
      digits = 0;
    }
  }
  shape.push_back(d);
  return shape;
}

mio::ShapeMap parse_lines(std::string_view text) {
  mio::ShapeMap shapes;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const std::size_t eq = line.find('=');
    const std::string name(line.substr(0, eq));
    shapes[name] = eq == std::string_view::npos ? std::vector<std::int64_t>{} : parse_shape(line.substr(eq + 1));
  }
  return shapes;
}

void map_names(const mio::ShapeMap& shapes, int lpb, int vae_levels, int keep_layers) {
  for (const auto& [name, shape] : shapes) {
    mio::ldm_key_is_unused(name);
    if (const auto k = mio::ldm_unet_key_to_diffusers(name, lpb)) require(!k->empty(), "a UNet name maps to a name");
    if (const auto k = mio::ldm_vae_key_to_diffusers(name, vae_levels)) require(!k->empty(), "a VAE name maps to a name");
    if (const auto k = mio::ldm_clip_key_to_transformers(name)) require(!k->empty(), "a CLIP name maps to a name");
    for (const auto& k : mio::openclip_key_to_transformers(name, keep_layers)) require(!k.empty(), "an OpenCLIP name maps");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const mio::ShapeMap shapes = parse_lines(std::string_view(reinterpret_cast<const char*>(data), size));
  mio::openclip_resblocks(shapes);
  try {
    const mio::SdFamily family = mio::detect_sd_family(shapes);
    const bool v_prediction = shapes.size() % 2 == 1;
    const auto unet = mio::synthesize_unet_config(shapes, family, v_prediction);
    const auto vae = mio::synthesize_vae_config(shapes, family);
    const auto text = mio::synthesize_text_encoder_config(shapes, family);
    mio::synthesize_scheduler_config(family, v_prediction);
    // What load_single_file reads back from the synthesized configs.
    unet.at("in_channels").get<std::int64_t>();
    map_names(shapes, unet.at("layers_per_block").get<int>(), static_cast<int>(vae.at("block_out_channels").size()),
              text.at("num_hidden_layers").get<int>());
  } catch (const rashisa::Error&) {
    map_names(shapes, 2, 4, 23);  // the names of a full-size model, as if the shapes had been read
  }
  return 0;
}
