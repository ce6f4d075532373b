#include "app/cli/project_common.h"

#include "engine/core/error.h"

#include <cstdio>
#include <cstdlib>

namespace rashisa::cli {

bool parse_or_help(Args& out, const std::vector<std::string>& argv, std::set<std::string> options,
                   std::set<std::string> flags, const char* help) {
  flags.insert("help");
  flags.insert("json");
  out = Args(argv, options, flags);
  if (out.flag("help")) {
    std::fputs(help, stdout);
    return true;
  }
  return false;
}

std::string project_path_arg(const Args& args, const char* usage) {
  if (args.positionals().empty())
    throw Error(ErrorCode::InvalidArgument, std::string("the project file is missing; usage: ") + usage);
  return args.positionals()[0];
}

store::Project open_project(const std::string& path) { return store::Project::open(std::filesystem::u8path(path)); }

store::Project open_project_to_read(const std::string& path) {
  return store::Project::open(std::filesystem::u8path(path), store::Project::OpenMode::ReadOnly);
}

std::vector<std::int64_t> parse_id_list(const std::string& text, const std::string& what) {
  std::vector<std::int64_t> out;
  std::size_t pos = 0;
  auto fail = [&]() -> void {
    throw Error(ErrorCode::InvalidArgument,
                what + " must be numbers separated by commas, with ranges like 3-7 (got \"" + text + "\")");
  };
  auto number = [&](const std::string& s) -> std::int64_t {
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v < 0) fail();
    return v;
  };
  while (pos <= text.size()) {
    const auto comma = text.find(',', pos);
    const std::string part = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      out.push_back(number(part));
    } else {
      const auto a = number(part.substr(0, dash)), b = number(part.substr(dash + 1));
      if (b < a || b - a > 100000) fail();
      for (auto i = a; i <= b; ++i) out.push_back(i);
    }
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (out.empty()) fail();
  return out;
}

void print_json(const nlohmann::json& j) {
  const std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace rashisa::cli
