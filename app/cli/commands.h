#pragma once
#include <string>
#include <vector>

namespace rashisa {
class CancelToken;
}

namespace rashisa::cli {

/// Each command returns an ExitCode; errors propagate as rashisa::Error to main().
int run_info(const std::vector<std::string>& args);
int run_generate(const std::vector<std::string>& args, const CancelToken& cancel);
int run_train(const std::vector<std::string>& args, const CancelToken& cancel);
int run_project(const std::vector<std::string>& args, const CancelToken& cancel);
int run_demo(const std::vector<std::string>& args);

extern const char* const kInfoHelp;
extern const char* const kGenerateHelp;
extern const char* const kTrainHelp;
extern const char* const kProjectHelp;
extern const char* const kDemoHelp;

}  // namespace rashisa::cli
