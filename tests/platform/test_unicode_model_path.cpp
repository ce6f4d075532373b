// A base model in a Japanese-named folder: every reference model, copied under "モデル/テスト",
// is inspected and loaded by engine/ml, recorded as the base model of a project at a Japanese
// path and opened again from what the project recorded.
#include "engine/ml/pipeline/sd_model.h"
#include "engine/store/project.h"
#include "engine/workflow/model_session.h"
#include "tests/platform/unicode_folder.h"
#include "tests/support/reference.h"

#include <gtest/gtest.h>

#include <string>

namespace rashisa {
namespace {

namespace fs = std::filesystem;
using rashisa::testing::manifest;
using rashisa::testing::reference_dir;
using rashisa::testing::UnicodeFolder;

TEST(UnicodeModelPath, LoadsEveryReferenceModelFromAJapaneseFolder) {
  UnicodeFolder tmp("モデル");
  const fs::path project_path = tmp.folder("案件") / fs::u8path("青いマグ.rashisa");
  store::Project::create(project_path).close();
  int models = 0;
  for (const auto& [key, m] : manifest().at("models").items()) {
    SCOPED_TRACE(key);
    const fs::path dir = tmp.folder("テスト") / fs::u8path(key + " のコピー");
    fs::copy(reference_dir() / fs::u8path(m.at("path").get<std::string>()), dir, fs::copy_options::recursive);

    const ml::ModelInfo info = ml::inspect_model(dir);
    EXPECT_EQ(info.source, dir);
    EXPECT_EQ(info.layout, "diffusers folder");

    const ml::StableDiffusionModel model = ml::load_model(dir);
    ASSERT_TRUE(model.unet && model.vae && model.text_encoder && model.tokenizer);
    for (const auto& [component, count] : m.at("num_parameters").items())
      EXPECT_EQ(model.info.components.at(component).parameters, count.get<std::int64_t>()) << component;

    // What the project keeps is UTF-8 text; the model is found again from it.
    workflow::SessionOptions options;
    options.device = "cpu";
    auto project = store::Project::open(project_path);
    const std::string hash = workflow::set_project_model(project, dir, options);
    project.close();
    const auto reopened = store::Project::open(project_path);
    EXPECT_EQ(fs::u8path(reopened.base_model().path), fs::absolute(dir).lexically_normal());
    const auto session = workflow::open_project_model(reopened, options);
    EXPECT_EQ(session->weights_hash(), hash);
    ++models;
  }
  EXPECT_GT(models, 0) << "the manifest lists no models";
}

}  // namespace
}  // namespace rashisa
