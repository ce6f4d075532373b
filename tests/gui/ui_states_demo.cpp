// Page states of the demo: the offer on the Start page and in the first-start wizard, and the
// demo project open (the demo model's notice on the pages, the Learn page with the demo's
// numbers), for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

#include "ui/window/first_start_wizard.h"

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

constexpr GuiOptions kNoModel{true, true, false};
constexpr GuiOptions kCpuNoModel{true, false, false};

void openDemo(GuiFixture& f, PageId page) {
  f.controller->openDemo(f.path(QStringLiteral("demo")));
  f.waitIdle();
  f.window->show();
  f.window->showPage(page);
  f.waitIdle();
}

}  // namespace

QStringList demoStateData() {
  return {QStringLiteral("demo-model"), QStringLiteral("SD 1.x"), QStringLiteral("demo")};
}

QList<UiState> demoStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("start-demo-offer"), kNoModel, [](GuiFixture& f) {
                 f.window->show();
                 f.window->showPage(PageId::Start);
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("first-start-demo-offer"), kNoModel,
               [](GuiFixture& f) { openFirstStart(f, FirstStartWizard::ModelPage); }, {}});
  s.push_back({QStringLiteral("start-demo-open"), kCpuNoModel, [](GuiFixture& f) { openDemo(f, PageId::Start); }, {}});
  s.push_back({QStringLiteral("photos-demo-model"), kCpuNoModel, [](GuiFixture& f) { openDemo(f, PageId::Photos); }, {}});
  s.push_back({QStringLiteral("learn-demo"), kCpuNoModel, [](GuiFixture& f) { openDemo(f, PageId::Learn); }, {}});
  s.push_back({QStringLiteral("templates-demo-model"), kCpuNoModel,
               [](GuiFixture& f) { openDemo(f, PageId::Templates); }, {}});
  return s;
}

}  // namespace rashisa::testing
