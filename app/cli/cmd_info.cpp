// rashisa-cli info MODEL
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "engine/ml/pipeline/sd_model.h"

#include <cstdio>
#include <filesystem>

namespace rashisa::cli {

const char* const kInfoHelp =
    "usage: rashisa-cli info MODEL [--v-prediction | --epsilon]\n"
    "\n"
    "Prints the detected model family, layout, prediction type, and for each component\n"
    "its parameter count (a plain integer) and the dtypes of its weights.\n"
    "MODEL is a diffusers folder or a single-file .safetensors checkpoint.\n";

int run_info(const std::vector<std::string>& argv) {
  Args args(argv, {}, {"v-prediction", "epsilon", "help"});
  if (args.flag("help")) {
    std::fputs(kInfoHelp, stdout);
    return kOk;
  }
  if (args.positionals().size() != 1) throw Error(ErrorCode::InvalidArgument, "info takes exactly one MODEL (see --help)");
  ml::LoadOptions options;
  if (args.flag("v-prediction")) options.v_prediction = true;
  if (args.flag("epsilon")) options.v_prediction = false;
  const auto info = ml::inspect_model(std::filesystem::u8path(args.positionals()[0]), options);

  std::printf("model: %s\n", info.source.u8string().c_str());
  std::printf("layout: %s\n", info.layout.c_str());
  std::printf("family: %s\n", ml::family_name(info.family));
  std::printf("prediction: %s\n", info.prediction == ml::PredictionType::VPrediction ? "v_prediction" : "epsilon");
  int64_t total = 0;
  for (const auto& [name, c] : info.components) {
    std::string dtypes;
    for (const auto& [dtype, count] : c.parameters_by_dtype) dtypes += (dtypes.empty() ? "" : ", ") + dtype;
    std::printf("%s: parameters %lld dtype %s\n", name.c_str(), static_cast<long long>(c.parameters), dtypes.c_str());
    total += c.parameters;
  }
  std::printf("total parameters: %lld\n", static_cast<long long>(total));
  return kOk;
}

}  // namespace rashisa::cli
