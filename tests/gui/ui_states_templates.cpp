// Page states of the templates step for the screenshot and translation tests.
#include "tests/gui/fake_engine_templates.h"
#include "tests/gui/ui_states.h"
#include "ui/models/template_list_model.h"
#include "ui/pages/template_editor.h"
#include "ui/pages/templates_page.h"

#include <QCoreApplication>
#include <QPlainTextEdit>
#include <QPushButton>

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

TemplatesPage* showTemplates(GuiFixture& f) {
  f.window->show();
  f.window->showPage(PageId::Templates);
  TemplatesPage* page = f.window->templatesPage();
  f.waitFor([&] { return !page->previewPending(); });
  f.waitIdle();
  return page;
}

void rememberSpeed(GuiFixture& f) {
  f.settings->setGenerationSpeed(QStringLiteral("SD 2.x"),
                                 {0.05, 0.2, 512, QStringLiteral("NVIDIA GeForce RTX 4090")});
}

}  // namespace

QStringList templatesStateData() {
  QStringList data;
  for (const TemplateItem& t : FakeEngine::catalogue()) {
    data << t.key << t.labelEn << t.labelJa << t.prompt << t.negativePrompt;
    for (const TemplateVariable& v : t.variables) {
      data << v.name << v.labelEn << v.labelJa;
      for (const TemplateValue& value : v.values) data << value.value << value.labelEn << value.labelJa;
    }
  }
  data.removeAll(QString());
  data.removeDuplicates();
  return data;
}

QList<UiState> templatesStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("templates-list"), {}, [](GuiFixture& f) {
                 rememberSpeed(f);
                 f.openFakeProject(templatesProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath, true, true));
                 showTemplates(f);
               }, {}});
  s.push_back({QStringLiteral("templates-new-project"), {}, [](GuiFixture& f) {
                 f.openFakeProject(templatesProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath, false, false));
                 showTemplates(f);
               }, {}});
  s.push_back({QStringLiteral("templates-editing"), {}, [](GuiFixture& f) {
                 rememberSpeed(f);
                 f.openFakeProject(templatesProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath, true, false));
                 TemplatesPage* page = showTemplates(f);
                 // The product and the {light} variable taken out of the prompt: two problems.
                 page->editor()->promptEdit()->setPlainText(QStringLiteral("a photo on {background}, studio lighting"));
                 f.waitFor([&] { return !page->previewPending(); });
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("templates-import-errors"), {}, [](GuiFixture& f) {
                 f.openFakeProject(templatesProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath, true, true));
                 TemplatesPage* page = showTemplates(f);
                 TemplateItem good = FakeEngine::catalogue().at(1);
                 good.key = QStringLiteral("summer-terrace");
                 TemplateItem noProduct = good;
                 noProduct.key = QStringLiteral("beach");
                 noProduct.prompt = QStringLiteral("a beach at noon");
                 const TemplateItem taken = FakeEngine::catalogue().at(2);
                 f.dialogs.templatesIn = f.path(QStringLiteral("agency-templates.json"));
                 writeTemplateFile(f.dialogs.templatesIn, {good, noProduct, taken});
                 page->importButton()->click();
                 f.waitIdle();
               }, {}});
  return s;
}

}  // namespace rashisa::testing
