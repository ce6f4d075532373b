#include "engine/templates/prompt_template.h"

#include "engine/core/error.h"

#include <gtest/gtest.h>

#include <set>

using namespace rashisa;
using namespace rashisa::templates;

namespace {

PromptTemplate sample() {
  PromptTemplate t;
  t.id = "t1";
  t.label_en = "Test";
  t.label_ja = "テスト";
  t.prompt = "a photo of {product} on {background}, {lighting}";
  t.negative_prompt = "blurry, {lighting} glare";
  t.variables = {{"lighting", "Lighting", "光", {{"soft light", "", ""}, {"hard light", "", ""}}},
                 {"background", "Background", "背景", {{"white", "", ""}, {"oak", "", ""}, {"marble", "", ""}}}};
  return t;
}

// Runs f, expects Error(code) whose message contains `needle`.
template <typename F>
::testing::AssertionResult throws_with(F&& f, ErrorCode code, const std::string& needle) {
  try {
    f();
  } catch (const Error& e) {
    if (e.code() != code) return ::testing::AssertionFailure() << "wrong code, message: " << e.what();
    if (std::string(e.what()).find(needle) == std::string::npos)
      return ::testing::AssertionFailure() << "message '" << e.what() << "' lacks '" << needle << "'";
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "no error thrown";
}

}  // namespace

TEST(Placeholders, OrderAndEscapes) {
  EXPECT_EQ(placeholders_in("{a} {{b}} {c} {a}"), (std::vector<std::string>{"a", "c"}));
  EXPECT_TRUE(placeholders_in("no placeholders {{here}}").empty());
}

TEST(Placeholders, UnbalancedBracesNamePosition) {
  EXPECT_TRUE(throws_with([] { placeholders_in("a {b"); }, ErrorCode::InvalidArgument, "character 3"));
  EXPECT_TRUE(throws_with([] { placeholders_in("a b}"); }, ErrorCode::InvalidArgument, "'}}'"));
  EXPECT_TRUE(throws_with([] { placeholders_in("{a {b}}"); }, ErrorCode::InvalidArgument, "unbalanced '{'"));
  // Character positions count UTF-8 code points, not bytes.
  EXPECT_TRUE(throws_with([] { placeholders_in("白い{x"); }, ErrorCode::InvalidArgument, "character 3"));
  EXPECT_TRUE(throws_with([] { placeholders_in("{9x}"); }, ErrorCode::InvalidArgument, "not a valid name"));
  EXPECT_TRUE(throws_with([] { placeholders_in("{}"); }, ErrorCode::InvalidArgument, "not a valid name"));
}

TEST(Validate, AcceptsSample) { EXPECT_NO_THROW(validate(sample())); }

TEST(Validate, RefusesWithActionableMessages) {
  struct Case {
    const char* needle;
    void (*edit)(PromptTemplate&);
  };
  const Case cases[] = {
      {"has no values: add a variable 'style'", [](PromptTemplate& t) { t.prompt += " {style}"; }},
      {"negative prompt", [](PromptTemplate& t) { t.negative_prompt += " {"; }},
      {"must contain {product}", [](PromptTemplate& t) { t.prompt = "a photo on {background}, {lighting}"; }},
      {"is not used", [](PromptTemplate& t) { t.variables.push_back({"style", "", "", {{"x", "", ""}}}); }},
      {"has no values: add at least one", [](PromptTemplate& t) { t.variables[0].values.clear(); }},
      {"empty value", [](PromptTemplate& t) { t.variables[0].values[0].value.clear(); }},
      {"twice", [](PromptTemplate& t) { t.variables[0].values[1].value = "soft light"; }},
      {"declared twice", [](PromptTemplate& t) { t.variables.push_back(t.variables[0]); }},
      {"remove the variable 'product'", [](PromptTemplate& t) { t.variables.push_back({"product", "", "", {{"x", "", ""}}}); }},
      {"multiple of 8", [](PromptTemplate& t) { t.width = 500; }},
      {"multiple of 8", [](PromptTemplate& t) { t.height = 4096; }},
      {"steps", [](PromptTemplate& t) { t.steps = 0; }},
      {"guidance", [](PromptTemplate& t) { t.guidance = -1; }},
      {"unknown sampler", [](PromptTemplate& t) { t.sampler = "k_lms"; }},
      {"images per prompt", [](PromptTemplate& t) { t.images_per_prompt = 0; }},
      {"no id", [](PromptTemplate& t) { t.id.clear(); }},
      {"may contain only", [](PromptTemplate& t) { t.id = "White Studio"; }},
      {"label", [](PromptTemplate& t) { t.label_en.clear(); t.label_ja.clear(); }},
  };
  for (const Case& c : cases) {
    PromptTemplate t = sample();
    c.edit(t);
    EXPECT_TRUE(throws_with([&] { validate(t); }, ErrorCode::InvalidArgument, c.needle)) << c.needle;
  }
}

TEST(Validate, UniqueIdsInList) {
  EXPECT_TRUE(throws_with([] { validate(std::vector<PromptTemplate>{sample(), sample()}); },
                          ErrorCode::InvalidArgument, "unique"));
}

TEST(Expand, CartesianProductInFirstAppearanceOrder) {
  const PromptTemplate t = sample();
  EXPECT_EQ(count_expansions(t), 6u);
  // background appears first in the prompt although lighting is declared first.
  EXPECT_EQ(variable_order(t), (std::vector<std::string>{"background", "lighting"}));
  const auto out = expand(t, "<rashisa1>", "bottle");
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0].prompt, "a photo of <rashisa1> bottle on white, soft light");
  EXPECT_EQ(out[0].negative_prompt, "blurry, soft light glare");
  EXPECT_EQ(out[1].prompt, "a photo of <rashisa1> bottle on white, hard light");
  EXPECT_EQ(out[2].prompt, "a photo of <rashisa1> bottle on oak, soft light");
  EXPECT_EQ(out[5].prompt, "a photo of <rashisa1> bottle on marble, hard light");
  EXPECT_EQ(out[5].index, 5u);
  EXPECT_EQ(out[3].values, (std::map<std::string, std::string>{{"background", "oak"}, {"lighting", "hard light"}}));
  std::set<std::string> unique;
  for (const auto& e : out) unique.insert(e.prompt);
  EXPECT_EQ(unique.size(), 6u);
}

TEST(Expand, EscapesAndNoVariables) {
  PromptTemplate t = sample();
  t.prompt = "{{literal}} {product}}}";
  t.negative_prompt.clear();
  t.variables.clear();
  EXPECT_EQ(count_expansions(t), 1u);
  const auto out = expand(t, "<v>", "toy");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].prompt, "{literal} <v> toy}");
  EXPECT_TRUE(out[0].values.empty());
}

TEST(Expand, ValuesAreNotReExpanded) {
  PromptTemplate t = sample();
  t.variables[1].values[0].value = "{lighting} and {product}";
  const auto out = expand(t, "<v>", "toy");
  EXPECT_EQ(out[0].prompt, "a photo of <v> toy on {lighting} and {product}, soft light");
}

TEST(Expand, CapRefusesBeforeProducing) {
  PromptTemplate t = sample();
  EXPECT_TRUE(throws_with([&] { expand(t, "<v>", "toy", 5); }, ErrorCode::InvalidArgument, "6 prompts"));
  EXPECT_TRUE(throws_with([&] { expand(t, "<v>", "toy", 5); }, ErrorCode::InvalidArgument, "limit of 5"));
  EXPECT_EQ(expand(t, "<v>", "toy", 6).size(), 6u);
  // 11^7 prompts: refused by the default cap without allocating them.
  t.prompt = "{product} {a}{b}{c}{d}{e}{f}{g}";
  t.negative_prompt.clear();
  t.variables.clear();
  for (const char* n : {"a", "b", "c", "d", "e", "f", "g"}) {
    TemplateVariable v{n, "", "", {}};
    for (int i = 0; i < 11; ++i) v.values.push_back({std::to_string(i), "", ""});
    t.variables.push_back(v);
  }
  EXPECT_EQ(count_expansions(t), 19487171u);
  EXPECT_TRUE(throws_with([&] { expand(t, "<v>", "toy"); }, ErrorCode::InvalidArgument, "19487171 prompts"));
  EXPECT_TRUE(throws_with([&] { expand(t, "<v>", "toy"); }, ErrorCode::InvalidArgument, "limit of 1000"));
}

TEST(Expand, CountSaturates) {
  PromptTemplate t = sample();
  t.prompt = "{product}";
  t.negative_prompt.clear();
  t.variables.clear();
  for (int k = 0; k < 80; ++k) {
    const std::string n = "v" + std::to_string(k);
    t.prompt += " {" + n + "}";
    t.variables.push_back({n, "", "", {{"a", "", ""}, {"b", "", ""}}});
  }
  EXPECT_EQ(count_expansions(t), std::numeric_limits<std::size_t>::max());
  EXPECT_TRUE(throws_with([&] { expand(t, "<v>", "toy"); }, ErrorCode::InvalidArgument, "too many"));
}

TEST(Expand, RefusesEmptyConcept) {
  EXPECT_TRUE(throws_with([] { expand(sample(), "", "toy"); }, ErrorCode::InvalidArgument, "token"));
}
