// Template examples in the project file: the 2 -> 3 migration (with its backup), set / get /
// replace, removal with the template, kept (product emptied) when the product goes, dropped
// when the template's image settings change, refusals, and all-or-none add_templates.
// Makes a version-2 file with write_old_project (engine/store's private schema).
#include "engine/store/project.h"
#include "tests/store/store_test_util.h"

#include <gtest/gtest.h>

#include <functional>

namespace rashisa::store {
namespace {

using testing::RawDb;
using testing::TempDir;
using testing::fault_of;
namespace fs = std::filesystem;

TemplateSpec spec(const std::string& text) {
  TemplateSpec s;
  s.text = text;
  s.label_en = "Label";
  return s;
}

std::int64_t add_concept(Project& p, const std::string& name) {
  ConceptSpec c;
  c.name = name;
  c.token = "<rashisa>";
  c.category = "mug";
  return p.add_concept(c);
}

TEST(StoreTemplateExamples, VersionTwoFileIsMigratedAfterABackup) {
  ASSERT_EQ(kSchemaVersion, 3);
  TempDir dir("examples_migrate");
  const fs::path path = dir / "old.rashisa";
  const fs::path bak = testing::write_old_project(
      path, 2,
      "INSERT INTO templates(text, width, height, steps, guidance, sampler, images_per_prompt, created_at, "
      "updated_at) VALUES('{product} on oak', 512, 512, 30, 7.5, 'ddim', 1, 't', 't')");
  ASSERT_FALSE(fs::exists(bak));
  std::int64_t id = 0;
  {
    Project p = Project::open(path);
    EXPECT_EQ(p.file_settings().user_version, 3);
    EXPECT_TRUE(p.integrity_ok());
    ASSERT_EQ(p.list_templates().size(), 1u);
    id = p.list_templates()[0].id;
    EXPECT_FALSE(p.template_example(id));
    p.set_template_example(id, std::nullopt, 0, Bytes(50, 3));
    const auto log = p.audit_log(1);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "project.migrate");
    EXPECT_NE(log[0].details.find("\"from\":2"), std::string::npos) << log[0].details;
    EXPECT_NE(log[0].details.find("\"to\":3"), std::string::npos) << log[0].details;
  }
  ASSERT_TRUE(fs::exists(bak));
  {
    RawDb old(bak, SQLITE_OPEN_READONLY);
    EXPECT_EQ(old.scalar("PRAGMA user_version"), 2);
    EXPECT_EQ(old.scalar("SELECT count(*) FROM templates"), 1);
    EXPECT_EQ(old.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'template_examples'"), 0);
  }
  Project again = Project::open(path);
  EXPECT_EQ(again.template_example(id), Bytes(50, 3));
}

TEST(StoreTemplateExamples, SetGetReplaceAndList) {
  TempDir dir("examples_crud");
  Project p = Project::create(dir / "p.rashisa");
  const auto a = p.add_template(spec("{product} on oak"));
  const auto b = p.add_template(spec("{product} on glass"));
  const auto mug = add_concept(p, "mug");
  EXPECT_TRUE(p.templates_with_examples().empty());
  p.set_template_example(b, mug, 0, Bytes(40, 1));
  p.set_template_example(a, std::nullopt, 7, Bytes(30, 2));
  EXPECT_EQ(p.templates_with_examples(), (std::vector<std::int64_t>{a, b}));
  EXPECT_EQ(p.template_example(a), Bytes(30, 2));
  EXPECT_EQ(p.template_example(b), Bytes(40, 1));
  p.set_template_example(b, mug, 1, Bytes(45, 9));  // replaces
  EXPECT_EQ(p.template_example(b), Bytes(45, 9));
  EXPECT_EQ(p.templates_with_examples().size(), 2u);
  RawDb raw(p.path(), SQLITE_OPEN_READONLY);
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM template_examples"), 2);
  EXPECT_EQ(raw.scalar("SELECT seed FROM template_examples WHERE template_id = " + std::to_string(b)), 1);
}

TEST(StoreTemplateExamples, CascadesAndStaleExamples) {
  TempDir dir("examples_cascade");
  Project p = Project::create(dir / "p.rashisa");
  const auto a = p.add_template(spec("{product} on oak"));
  const auto b = p.add_template(spec("{product} on glass"));
  const auto mug = add_concept(p, "mug");
  p.set_template_example(a, mug, 0, Bytes(10, 1));
  p.set_template_example(b, mug, 0, Bytes(10, 2));

  p.remove_concept(mug);  // the example stays, without its product
  EXPECT_EQ(p.templates_with_examples().size(), 2u);
  {
    RawDb raw(p.path(), SQLITE_OPEN_READONLY);
    EXPECT_EQ(raw.scalar("SELECT count(*) FROM template_examples WHERE concept_id IS NULL"), 2);
  }
  p.remove_template(a);
  EXPECT_EQ(p.templates_with_examples(), std::vector<std::int64_t>{b});

  TemplateSpec relabelled = p.get_template(b).spec;
  relabelled.label_ja = "ガラス";
  p.update_template(b, relabelled);
  EXPECT_TRUE(p.template_example(b)) << "a new label does not change the image";
  TemplateSpec restepped = relabelled;
  restepped.steps = 12;
  p.update_template(b, restepped);
  EXPECT_FALSE(p.template_example(b)) << "the example showed the old settings";
  EXPECT_TRUE(p.integrity_ok());
}

TEST(StoreTemplateExamples, Refusals) {
  TempDir dir("examples_refuse");
  Project p = Project::create(dir / "p.rashisa");
  const auto a = p.add_template(spec("{product}"));
  EXPECT_EQ(fault_of([&] { p.set_template_example(a + 9, std::nullopt, 0, Bytes(3, 1)); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p.set_template_example(a, 99, 0, Bytes(3, 1)); }), StoreFault::NotFound);
  EXPECT_EQ(fault_of([&] { p.set_template_example(a, std::nullopt, -1, Bytes(3, 1)); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p.set_template_example(a, std::nullopt, 0, Bytes()); }), StoreFault::Invalid);
  EXPECT_EQ(fault_of([&] { p.template_example(a + 9); }), StoreFault::NotFound);
  EXPECT_TRUE(p.templates_with_examples().empty());
}

TEST(StoreTemplateExamples, AddTemplatesIsAllOrNone) {
  TempDir dir("examples_add_all");
  Project p = Project::create(dir / "p.rashisa");
  TemplateSpec bad = spec("{product}");
  bad.width = 100;
  EXPECT_EQ(fault_of([&] { p.add_templates({spec("{product} one"), bad}); }), StoreFault::Invalid);
  EXPECT_TRUE(p.list_templates().empty());
  const auto ids = p.add_templates({spec("{product} one"), spec("{product} two")});
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(p.get_template(ids[1]).spec.text, "{product} two");
  int adds = 0;
  for (const auto& e : p.audit_log()) adds += e.action == "template.add";
  EXPECT_EQ(adds, 2);
}

}  // namespace
}  // namespace rashisa::store
