// Template problems with stable codes: one small case per code the header documents (the list
// is read from template_problems.h itself, so a new code without a case fails here), every
// problem of a broken JSON/CSV file at once with its template id and CSV line, and validate()
// throwing the first problem's message.
#include "engine/templates/template_problems.h"

#include "engine/core/error.h"
#include "engine/templates/template_io.h"
#include "tests/support/code_of.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

using namespace rashisa;
using namespace rashisa::templates;

namespace {

PromptTemplate sample() {
  PromptTemplate t;
  t.id = "desk";
  t.label_en = "Desk";
  t.label_ja = "机";
  t.prompt = "a photo of {product} on {surface}";
  t.negative_prompt = "blurry";
  t.variables = {{"surface", "Surface", "面", {{"oak", "", ""}, {"glass", "", ""}}}};
  return t;
}

using rashisa::testing::code_of;

/// The problem with `code`, or a test failure naming every problem there was.
const TemplateProblem* find_code(const std::vector<TemplateProblem>& problems, const std::string& code) {
  for (const auto& p : problems)
    if (p.code == code) return &p;
  std::string all;
  for (const auto& p : problems) all += " " + p.code;
  ADD_FAILURE() << "no '" << code << "' among:" << all;
  return nullptr;
}

struct ContentCase {
  const char* code;
  const char* field;
  const char* subject;
  std::function<void(PromptTemplate&)> edit;
};

const std::vector<ContentCase>& content_cases() {
  static const std::vector<ContentCase> cases = {
      {"empty-id", "id", "", [](PromptTemplate& t) { t.id.clear(); }},
      {"bad-id", "id", "White Desk", [](PromptTemplate& t) { t.id = "White Desk"; }},
      {"empty-label", "label", "", [](PromptTemplate& t) { t.label_en.clear(); t.label_ja.clear(); }},
      {"not-utf8", "prompt", "", [](PromptTemplate& t) { t.prompt += " \xff"; }},
      {"empty-prompt", "prompt", "", [](PromptTemplate& t) { t.prompt.clear(); }},
      {"unbalanced-braces", "negative_prompt", "{", [](PromptTemplate& t) { t.negative_prompt += " {x"; }},
      {"bad-placeholder", "prompt", "9x", [](PromptTemplate& t) { t.prompt += " {9x}"; }},
      {"missing-product", "prompt", "", [](PromptTemplate& t) { t.prompt = "a photo on {surface}"; }},
      {"bad-variable-name", "variables", "my var",
       [](PromptTemplate& t) { t.variables.push_back({"my var", "", "", {{"x", "", ""}}}); }},
      {"reserved-variable", "variables", "product",
       [](PromptTemplate& t) { t.variables.push_back({"product", "", "", {{"x", "", ""}}}); }},
      {"duplicate-variable", "variables", "surface", [](PromptTemplate& t) { t.variables.push_back(t.variables[0]); }},
      {"empty-variable", "variables", "surface", [](PromptTemplate& t) { t.variables[0].values.clear(); }},
      {"empty-value", "values", "surface", [](PromptTemplate& t) { t.variables[0].values[1].value.clear(); }},
      {"duplicate-value", "values", "oak", [](PromptTemplate& t) { t.variables[0].values[1].value = "oak"; }},
      {"unused-variable", "variables", "light",
       [](PromptTemplate& t) { t.variables.push_back({"light", "", "", {{"soft", "", ""}}}); }},
      {"unknown-placeholder", "negative_prompt", "glare", [](PromptTemplate& t) { t.negative_prompt += ", {glare}"; }},
      {"bad-size", "height", "500", [](PromptTemplate& t) { t.height = 500; }},
      {"bad-steps", "steps", "0", [](PromptTemplate& t) { t.steps = 0; }},
      {"bad-guidance", "guidance", "", [](PromptTemplate& t) { t.guidance = 51; }},
      {"unknown-sampler", "sampler", "k_lms", [](PromptTemplate& t) { t.sampler = "k_lms"; }},
      {"bad-images", "images_per_prompt", "65", [](PromptTemplate& t) { t.images_per_prompt = 65; }},
      {"over-cap", "variables", "2048",
       [](PromptTemplate& t) {
         t.prompt += " {a} {b}";
         for (const char* name : {"a", "b"}) {
           TemplateVariable v{name, "", "", {}};
           for (int i = 0; i < 32; ++i) v.values.push_back({"v" + std::to_string(i), "", ""});
           t.variables.push_back(v);
         }
       }},
  };
  return cases;
}

const std::string kCsvHead =
    "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,images_per_prompt,var.bg,var.bg.ja\n";

std::string json_file(const std::string& templates) {
  return R"({"format": "rashisa-templates/1", "templates": [)" + templates + "]}";
}

struct FileCase {
  const char* code;
  std::function<TemplateFileCheck()> check;
};

const std::vector<FileCase>& file_cases() {
  static const std::vector<FileCase> cases = {
      {"duplicate-id",
       [] { return check_templates_json(json_file(R"({"id":"a","label":{"en":"A"},"prompt":"{product}"},)"
                                                  R"({"id":"a","label":{"en":"B"},"prompt":"{product}"})")); }},
      {"not-utf8", [] { return check_templates_csv(kCsvHead + "a,\x94\x92,,{product} {bg},,,,,,,,x,\n"); }},
      {"bad-json", [] { return check_templates_json("{not json"); }},
      {"wrong-format", [] { return check_templates_json(R"({"format":"other/1","templates":[]})"); }},
      {"bad-csv", [] { return check_templates_csv(kCsvHead + "a,A,,{product} \"{bg}\",,,,,,,,x,\n"); }},
      {"unknown-key", [] { return check_templates_json(json_file(R"({"id":"a","label":{"en":"A"},"promt":"x"})")); }},
      {"wrong-type",
       [] { return check_templates_json(json_file(R"({"id":"a","label":{"en":"A"},"prompt":"{product}","width":"512"})")); }},
      {"bad-escape", [] { return check_templates_csv(kCsvHead + "a,A,,{product} {bg},,,,,,,,x\\y,\n"); }},
      {"label-count", [] { return check_templates_csv(kCsvHead + "a,A,,{product} {bg},,,,,,,,x|y,エックス\n"); }},
  };
  return cases;
}

}  // namespace

TEST(TemplateProblems, ValidTemplateHasNone) {
  EXPECT_TRUE(check_template(sample()).empty());
  EXPECT_TRUE(check_templates({sample()}).empty());
}

TEST(TemplateProblems, EachContentCodeHasItsCase) {
  for (const ContentCase& c : content_cases()) {
    SCOPED_TRACE(c.code);
    PromptTemplate t = sample();
    c.edit(t);
    const auto problems = check_template(t);
    const TemplateProblem* p = find_code(problems, c.code);
    if (!p) continue;
    EXPECT_EQ(p->field, c.field);
    EXPECT_EQ(p->subject, c.subject);
    EXPECT_EQ(p->template_id, t.id);
    EXPECT_EQ(p->line, 0);
    EXPECT_FALSE(p->message.empty());
    // validate() throws the first problem that is not over-cap; over-cap alone passes.
    if (std::string(c.code) == "over-cap") {
      EXPECT_EQ(problems.size(), 1u);
      EXPECT_NO_THROW(validate(t));
      continue;
    }
    try {
      validate(t);
      ADD_FAILURE() << "validate() accepted a template with " << c.code;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::InvalidArgument);
      EXPECT_EQ(std::string(e.what()), problems.front().message);
    }
  }
}

TEST(TemplateProblems, EachFileCodeHasItsCase) {
  for (const FileCase& c : file_cases()) {
    SCOPED_TRACE(c.code);
    const auto check = c.check();
    const TemplateProblem* p = find_code(check.problems, c.code);
    if (p) {
      EXPECT_FALSE(p->message.empty());
    }
  }
}

TEST(TemplateProblems, EveryDocumentedCodeIsCovered) {
  std::ifstream in(RASHISA_TEMPLATE_PROBLEMS_H);
  ASSERT_TRUE(in) << RASHISA_TEMPLATE_PROBLEMS_H;
  std::set<std::string> documented;
  bool in_codes = false;
  const std::regex code_line(R"(^//   ([a-z0-9]+(-[a-z0-9]+)*)  +\S.*)");
  for (std::string line; std::getline(in, line);) {
    in_codes = in_codes || line.rfind("// Codes of one template", 0) == 0;
    std::smatch m;
    if (in_codes && std::regex_match(line, m, code_line)) documented.insert(m[1]);
  }
  ASSERT_GE(documented.size(), 30u) << "the header's code list was not found";
  std::set<std::string> covered = {"key-in-use"};  // an import into a project: tests/workflow
  for (const auto& c : content_cases()) covered.insert(c.code);
  for (const auto& c : file_cases()) covered.insert(c.code);
  covered.insert("too-large");  // CheckFileReadsByExtensionAndRefusesHugeFiles
  for (const auto& code : documented) EXPECT_TRUE(covered.count(code)) << code << " is documented but not tested";
  for (const auto& code : covered) EXPECT_TRUE(documented.count(code)) << code << " is tested but not documented";
}

TEST(TemplateProblems, ListReportsEachTemplateThenItsDuplicateId) {
  PromptTemplate bad = sample();
  bad.steps = 0;
  const auto problems = check_templates({sample(), bad, sample()});
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].code, "bad-steps");
  EXPECT_EQ(problems[1].code, "duplicate-id");
  EXPECT_EQ(problems[2].code, "duplicate-id");
  EXPECT_EQ(problems[2].subject, "desk");
  EXPECT_THROW(validate(std::vector<PromptTemplate>{sample(), sample()}), Error);
}

TEST(TemplateProblems, AllProblemsOfATemplateAtOnce) {
  PromptTemplate t = sample();
  t.id = "";
  t.prompt = "a photo on {surface} {light}";
  t.width = 100;
  t.sampler = "heun";
  std::vector<std::string> codes;
  for (const auto& p : check_template(t)) codes.push_back(p.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"empty-id", "missing-product", "unknown-placeholder", "bad-size",
                                             "unknown-sampler"}));
}

TEST(TemplateFileChecks, BrokenJsonReportsEveryProblemWithItsTemplate) {
  const std::string text = json_file(
      R"({"id":"white","label":{"en":"White"},"prompt":"{product} on {bg}","steps":"many","colour":1},)"
      R"("not an object",)"
      R"({"id":"table","label":{"en":"Table"},"prompt":"{product}","variables":[{"name":"wood","values":["oak","oak"]}]},)"
      R"({"id":"white","label":{"ja":"白"},"prompt":"{product}","sampler":"heun"})");
  const auto check = check_templates_json(text);
  ASSERT_EQ(check.templates.size(), 3u) << "the entry that is not an object is left out";
  std::multiset<std::pair<std::string, std::string>> got;
  for (const auto& p : check.problems) {
    got.insert({p.template_id, p.code});
    EXPECT_EQ(p.line, 0);
  }
  const std::multiset<std::pair<std::string, std::string>> want = {
      {"", "wrong-type"},           {"white", "wrong-type"},       {"white", "unknown-key"},
      {"white", "unknown-placeholder"}, {"table", "duplicate-value"}, {"table", "unused-variable"},
      {"white", "unknown-sampler"}, {"white", "duplicate-id"}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(code_of([&] { templates_from_json(text); }), ErrorCode::FileFormat);
}

TEST(TemplateFileChecks, BrokenCsvReportsEveryProblemWithItsLine) {
  const std::string text = kCsvHead +                                      // line 1
                           "ok,OK,,{product} on {bg},,,,,,,,oak|glass,\n"  // line 2
                           "w,W,,{product},,5x,,,,,,,\n"                   // 3: width not a number
                           "short,S,,{product}\n"                          // 4: too few fields
                           "q,Q,,\"{product}\nsecond line\",,,,,,,,,\n"   // 5-6: a quoted newline, fine
                           "bad id,B,,{product} {bg},,,,,,,,x|x,\n"        // 7: id, duplicate value
                           "ok,O2,,{product} \"{bg}\",,,,,,,,x,\n";        // 8: quote in unquoted field
  const auto check = check_templates_csv(text);
  std::vector<std::tuple<int, std::string, std::string>> got;
  for (const auto& p : check.problems) {
    got.emplace_back(p.line, p.template_id, p.code);
    EXPECT_EQ(p.message.rfind("CSV line " + std::to_string(p.line) + ": ", 0), 0u) << p.message;
  }
  const std::vector<std::tuple<int, std::string, std::string>> want = {
      {3, "w", "wrong-type"}, {4, "short", "bad-csv"}, {7, "bad id", "bad-id"}, {7, "bad id", "duplicate-value"},
      {8, "", "bad-csv"}};
  EXPECT_EQ(got, want);
  ASSERT_EQ(check.templates.size(), 4u);
  EXPECT_EQ(check.templates[2].prompt, "{product}\nsecond line");
}

TEST(TemplateFileChecks, CheckFileReadsByExtensionAndRefusesHugeFiles) {
  const std::string path = ::testing::TempDir() + "rashisa_template_problems.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << json_file(R"({"id":"a","label":{"en":"A"},"prompt":"{product} {x}"})");
  }
  auto check = check_templates_file(path);
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems[0].code, "unknown-placeholder");
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(16 * 1024 * 1024 + 1, ' ');
  }
  check = check_templates_file(path);
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_EQ(check.problems[0].code, "too-large");
  EXPECT_EQ(check.problems[0].field, "file");
  EXPECT_EQ(code_of([&] { load_templates_file(path); }), ErrorCode::FileFormat);
  std::remove(path.c_str());
  EXPECT_EQ(code_of([&] { check_templates_file(path); }), ErrorCode::FileNotFound);
  EXPECT_EQ(code_of([&] { check_templates_file("list.txt"); }), ErrorCode::InvalidArgument);
}
