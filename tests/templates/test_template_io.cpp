#include "engine/templates/template_io.h"

#include "engine/core/error.h"
#include "tests/support/code_of.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <functional>

using namespace rashisa;
using namespace rashisa::templates;

namespace {

PromptTemplate rich() {
  PromptTemplate t;
  t.id = "rich";
  t.label_en = "Rich, \"quoted\"";
  t.label_ja = "リッチ";
  t.prompt = "{product} on {background}, {{braces}}\nsecond line";
  t.negative_prompt = "a|b, c";
  t.variables = {{"background", "Background", "背景",
                  {{"white, seamless", "White", "白"}, {"pipe | and \\ slash", "Pipe", "パイプ"}, {"plain", "", ""}}}};
  t.width = 768;
  t.height = 512;
  t.steps = 25;
  t.guidance = 6.25;
  t.sampler = "euler";
  t.images_per_prompt = 3;
  return t;
}

PromptTemplate simple() {
  PromptTemplate t;
  t.id = "simple";
  t.label_en = "Simple";
  t.prompt = "a photo of {product} with {style}";
  t.variables = {{"style", "", "", {{"film grain", "", ""}}}};
  return t;
}

void expect_same(const PromptTemplate& a, const PromptTemplate& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.label_en, b.label_en);
  EXPECT_EQ(a.label_ja, b.label_ja);
  EXPECT_EQ(a.prompt, b.prompt);
  EXPECT_EQ(a.negative_prompt, b.negative_prompt);
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_EQ(a.guidance, b.guidance);
  EXPECT_EQ(a.sampler, b.sampler);
  EXPECT_EQ(a.images_per_prompt, b.images_per_prompt);
  ASSERT_EQ(a.variables.size(), b.variables.size());
  for (std::size_t i = 0; i < a.variables.size(); ++i) {
    const auto& x = a.variables[i];
    const auto& y = b.variables[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.label_en, y.label_en);
    EXPECT_EQ(x.label_ja, y.label_ja);
    ASSERT_EQ(x.values.size(), y.values.size());
    for (std::size_t k = 0; k < x.values.size(); ++k) {
      EXPECT_EQ(x.values[k].value, y.values[k].value);
      EXPECT_EQ(x.values[k].label_en, y.values[k].label_en);
      EXPECT_EQ(x.values[k].label_ja, y.values[k].label_ja);
    }
  }
}

using rashisa::testing::code_of;

}  // namespace

TEST(TemplateJson, RoundTrip) {
  const std::vector<PromptTemplate> list = {rich(), simple()};
  const std::string text = templates_to_json(list);
  EXPECT_NE(text.find("\"format\": \"rashisa-templates/1\""), std::string::npos);
  EXPECT_NE(text.find("背景"), std::string::npos);  // UTF-8 kept readable, not \u-escaped
  const auto back = templates_from_json(text);
  ASSERT_EQ(back.size(), 2u);
  expect_same(back[0], list[0]);
  expect_same(back[1], list[1]);
}

TEST(TemplateJson, DefaultsAndPlainValues) {
  const auto list = templates_from_json(R"({"format":"rashisa-templates/1","templates":[
    {"id":"a","label":{"ja":"あ"},"prompt":"{product} {x}","variables":[{"name":"x","values":["one","two"]}]}]})");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].width, 512);
  EXPECT_EQ(list[0].sampler, "dpmpp-2m");
  EXPECT_EQ(list[0].variables[0].values[1].value, "two");
}

TEST(TemplateJson, RefusesBadFiles) {
  EXPECT_EQ(code_of([] { templates_from_json("{not json"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([] { templates_from_json(R"({"format":"other/1","templates":[]})"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([] { templates_from_json(R"({"templates":[]})"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([] {
              templates_from_json(R"({"format":"rashisa-templates/1","templates":[{"id":"a","label":{"en":"A"},"promt":"x"}]})");
            }),
            ErrorCode::FileFormat);  // a typo in a key
  EXPECT_EQ(code_of([] {
              templates_from_json(R"({"format":"rashisa-templates/1","templates":[{"id":"a","label":{"en":"A"},"prompt":"x","width":"512"}]})");
            }),
            ErrorCode::FileFormat);
  // Well-formed file, unusable content: the validator's InvalidArgument.
  EXPECT_EQ(code_of([] {
              templates_from_json(R"({"format":"rashisa-templates/1","templates":[{"id":"a","label":{"en":"A"},"prompt":"{product} {bg}"}]})");
            }),
            ErrorCode::InvalidArgument);
}

TEST(TemplateCsv, RoundTripWithQuotingAndBom) {
  const std::vector<PromptTemplate> list = {rich(), simple()};
  const std::string csv = templates_to_csv(list);
  EXPECT_EQ(csv.compare(0, 3, "\xEF\xBB\xBF"), 0);
  EXPECT_NE(csv.find("\"Rich, \"\"quoted\"\"\""), std::string::npos);  // RFC 4180 quote doubling
  EXPECT_NE(csv.find("pipe \\| and \\\\ slash"), std::string::npos);
  const auto back = templates_from_csv(csv);
  ASSERT_EQ(back.size(), 2u);
  expect_same(back[0], list[0]);
  expect_same(back[1], list[1]);
  // Without BOM, with LF line ends, as other tools write it.
  std::string lf = templates_to_csv(list, false);
  EXPECT_NE(lf.compare(0, 3, "\xEF\xBB\xBF"), 0);
  std::string stripped;
  for (std::size_t i = 0; i < lf.size(); ++i)
    if (!(lf[i] == '\r' && i + 1 < lf.size() && lf[i + 1] == '\n')) stripped += lf[i];
  const auto back2 = templates_from_csv(stripped);
  ASSERT_EQ(back2.size(), 2u);
  // The prompt's own CRLF-free newline survives inside quotes.
  EXPECT_EQ(back2[0].prompt, list[0].prompt);
}

TEST(TemplateCsv, HandWrittenFile) {
  const std::string csv =
      "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,images_per_prompt,var.bg,var.bg.ja\n"
      "desk,Desk,机,\"{product} on {bg}, photo\",,,,,,,,oak|glass,オーク|ガラス\n";
  const auto list = templates_from_csv(csv);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].prompt, "{product} on {bg}, photo");
  EXPECT_EQ(list[0].steps, 50);
  ASSERT_EQ(list[0].variables.size(), 1u);
  EXPECT_EQ(list[0].variables[0].values[1].value, "glass");
  EXPECT_EQ(list[0].variables[0].values[1].label_ja, "ガラス");
}

TEST(TemplateCsv, RefusesBadFiles) {
  const std::string head =
      "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,images_per_prompt,var.bg\n";
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,\"{product} {bg},,,,,,,,x\n"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} \"{bg}\",,,,,,,,x\n"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} {bg},,,,,,,x\n"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} {bg},,5x,,,,,,x\n"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} {bg},,,,,,,,x\\y\n"); }), ErrorCode::FileFormat);
  EXPECT_EQ(code_of([&] { templates_from_csv("id,label\n"); }), ErrorCode::FileFormat);
  // Shift_JIS (as older Excel saves) is refused with a hint rather than read as mojibake.
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,\x94\x92,,{product} {bg},,,,,,,,x\n"); }), ErrorCode::FileFormat);
  // Content errors are the validator's.
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} {bg},,500,,,,,,x\n"); }), ErrorCode::InvalidArgument);
  EXPECT_EQ(code_of([&] { templates_from_csv(head + "a,A,,{product} {bg},,,,,,,,x||y\n"); }), ErrorCode::InvalidArgument);
}

TEST(TemplateFile, LoadsByExtension) {
  const std::string path = ::testing::TempDir() + "rashisa_templates_test.CSV";
  {
    std::ofstream out(path, std::ios::binary);
    out << templates_to_csv({simple()});
  }
  EXPECT_EQ(load_templates_file(path).at(0).id, "simple");
  std::remove(path.c_str());
  EXPECT_EQ(code_of([&] { load_templates_file(path); }), ErrorCode::FileNotFound);
  EXPECT_EQ(code_of([&] { load_templates_file("x.txt"); }), ErrorCode::InvalidArgument);
}

TEST(BuiltinCatalogue, LoadsAndExpandsEveryTemplate) {
  const auto list = load_templates_file(RASHISA_CATALOGUE_JSON);
  ASSERT_GE(list.size(), 6u);
  for (const char* id : {"white-studio", "lifestyle-table", "outdoor", "flat-lay", "in-use", "seasonal"}) {
    bool found = false;
    for (const auto& t : list) found = found || t.id == id;
    EXPECT_TRUE(found) << id;
  }
  for (const auto& t : list) {
    SCOPED_TRACE(t.id);
    EXPECT_FALSE(t.label_en.empty());
    EXPECT_FALSE(t.label_ja.empty());
    for (const auto& v : t.variables) {
      EXPECT_FALSE(v.label_ja.empty()) << v.name;
      for (const auto& value : v.values) EXPECT_FALSE(value.label_ja.empty()) << value.value;
    }
    const auto out = expand(t, "<rashisa1>", "bottle");
    EXPECT_EQ(out.size(), count_expansions(t));
    EXPECT_GT(out.size(), 1u);
    for (const auto& e : out) {
      EXPECT_NE(e.prompt.find("<rashisa1> bottle"), std::string::npos);
      EXPECT_EQ(e.prompt.find('{'), std::string::npos) << e.prompt;
    }
  }
  // The catalogue survives a CSV round trip (the format users edit in a spreadsheet).
  EXPECT_EQ(templates_from_csv(templates_to_csv(list)).size(), list.size());
}
