// Page states of the generate step for the screenshot and translation tests.
#include "tests/gui/fake_engine_generate.h"
#include "tests/gui/ui_states.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/generate_setup_panel.h"

#include <QCoreApplication>
#include <QPushButton>
#include <QSpinBox>

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

/// The Generate page of a project with the catalogue templates, the time known on this device.
void openGenerate(GuiFixture& f, const FakeProject& project) {
  f.settings->setGenerationSpeed(QStringLiteral("SD 2.x"),
                                 {0.05, 0.2, 512, QStringLiteral("NVIDIA GeForce RTX 4090")});
  f.openFakeProject(project);
  f.window->show();
  f.window->showPage(PageId::Generate);
  GeneratePage* page = f.window->generatePage();
  f.waitFor([page] { return page->planReady(); });
  f.waitIdle();
}

QString catalogue(GuiFixture& f) { return f.path(QStringLiteral("Spring catalogue.rashisa")); }

}  // namespace

QList<UiState> generateStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("generate-setup"), {}, [](GuiFixture& f) {
                 f.settings->setAdvancedGenerateOpen(true);
                 openGenerate(f, catalogueProject(catalogue(f), f.modelPath));
                 f.window->generatePage()->setupPanel()->setAdvancedOpen(true);
               }, {}});
  s.push_back({QStringLiteral("generate-over-cap"), {}, [](GuiFixture& f) {
                 openGenerate(f, catalogueProject(catalogue(f), f.modelPath));
                 GeneratePage* page = f.window->generatePage();
                 page->setupPanel()->seedsBox()->setValue(200);
                 f.waitFor([page] { return page->planReady(); });
               }, {}});
  s.push_back({QStringLiteral("generate-running"), {}, [](GuiFixture& f) {
                 f.state->script.stepMs = 30;
                 f.state->script.holdStage = -1;
                 f.state->script.holdStep = 5;
                 openGenerate(f, catalogueProject(catalogue(f), f.modelPath));
                 GeneratePage* page = f.window->generatePage();
                 page->setupPanel()->seedsBox()->setValue(2);
                 f.waitFor([page] { return page->planReady(); });
                 page->startButton()->click();
                 f.waitFor([&] { return f.state->holding.load(); });
                 f.waitFor([&] { return f.controller->liveBatch() && f.controller->liveBatch()->step > 0; });
                 for (int i = 0; i < 20; ++i) QCoreApplication::processEvents();
               },
               [](GuiFixture& f) {
                 f.state->released = true;
                 f.controller->cancelJob();
                 f.waitIdle();
               }});
  s.push_back({QStringLiteral("generate-interrupted"), {}, [](GuiFixture& f) {
                 openGenerate(f, interruptedBatchProject(catalogue(f), f.modelPath, 12, 4));
               }, {}});
  return s;
}

}  // namespace rashisa::testing
