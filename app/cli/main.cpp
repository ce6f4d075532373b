// rashisa-cli: everything Rashisa does, headless. Errors are caught here, the
// engine's public edge, and turned into a message and a documented exit code.
#include "app/cli/commands.h"
#include "app/cli/exit_codes.h"
#include "engine/core/progress.h"
#include "engine/ml/pipeline/cpu_threads.h"
#include "engine/platform/platform.h"
#include "engine/store/project_lease.h"

#include <c10/util/Exception.h>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

rashisa::CancelToken g_cancel;

extern "C" void on_interrupt(int) { g_cancel.cancel(); }

const char* const kHelp =
    "rashisa-cli " RASHISA_VERSION " - Stable Diffusion and AttnDreamBooth, headless\n"
    "\n"
    "usage: rashisa-cli COMMAND [options]   (rashisa-cli COMMAND --help for details)\n"
    "\n"
    "commands:\n"
    "  project ...         the whole job on a project file: photos, training, templates,\n"
    "                      batches, review, export (rashisa-cli project --help)\n"
    "  info MODEL          show a model's family, components, parameter counts, dtypes\n"
    "  train ...           learn a product from its photos (a concept file)\n"
    "  generate ...        make images from a prompt, optionally with a concept\n"
    "  demo DIR            make a demo project to try everything in minutes on a CPU\n"
    "\n"
    "exit codes: 0 ok, 1 unexpected failure, 2 wrong command line, 3 input missing or\n"
    "unreadable, 4 model or project file damaged/unsupported/unsafe/from a newer Rashisa,\n"
    "5 out of memory, 6 output not written, 7 photo check found errors, 8 project open in\n"
    "another program (read-only commands still work), 130 cancelled (Ctrl+C)\n";

/// Why a command that changes a project cannot run now, and what to do instead.
void print_in_use(const rashisa::store::ProjectInUse& e) {
  std::fprintf(stderr,
               "\nrashisa-cli: the project is open in %s; close it there, or read it with a read-only "
               "command (project info, photos, check, templates, expand, jobs, images, log)\n",
               rashisa::store::describe_holder(e.holder()).c_str());
}

bool is_oom(const std::string& what) {
  return what.find("out of memory") != std::string::npos || what.find("CUDA out of memory") != std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rashisa::cli;
  // UTF-8 on every system (Windows: from the wide command line), so Japanese paths survive.
  std::vector<std::string> args = rashisa::platform::utf8_arguments(argc, argv);
  if (!args.empty()) args.erase(args.begin());
  rashisa::platform::use_utf8_console();
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kHelp, args.empty() ? stderr : stdout);
    return args.empty() ? kUsage : kOk;
  }
  if (args[0] == "--version") {
    std::printf("rashisa-cli %s\n", RASHISA_VERSION);
    return kOk;
  }
  std::signal(SIGINT, on_interrupt);
  // Other programs see who holds a project; a lease left by a killed run is taken over, and said so.
  rashisa::store::set_lease_program("rashisa-cli");
  rashisa::store::set_lease_reporter(
      [](const std::string& line) { std::fprintf(stderr, "rashisa-cli: %s\n", line.c_str()); });
  rashisa::ml::configure_cpu_threads();
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "info") return run_info(args);
    if (command == "generate") return run_generate(args, g_cancel);
    if (command == "train") return run_train(args, g_cancel);
    if (command == "project") return run_project(args, g_cancel);
    if (command == "demo") return run_demo(args);
    std::fprintf(stderr, "rashisa-cli: unknown command \"%s\"\n\n%s", command.c_str(), kHelp);
    return kUsage;
  } catch (const rashisa::store::ProjectInUse& e) {
    print_in_use(e);
    return kInUse;
  } catch (const rashisa::Error& e) {
    if (e.code() == rashisa::ErrorCode::Cancelled) {
      std::fprintf(stderr, "\nrashisa-cli: cancelled\n");
    } else {
      std::fprintf(stderr, "\nrashisa-cli: %s\n", e.what());
    }
    return exit_code_for(e.code());
  } catch (const c10::Error& e) {
    const std::string what = e.what_without_backtrace();
    if (is_oom(what)) {
      std::fprintf(stderr,
                   "\nrashisa-cli: the device ran out of memory; try a smaller --width/--height or --device cpu\n");
      return kOutOfMemory;
    }
    std::fprintf(stderr, "\nrashisa-cli: internal error in libtorch: %s\n", what.c_str());
    return kFailed;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "\nrashisa-cli: unexpected error: %s\n", e.what());
    return kFailed;
  }
}
