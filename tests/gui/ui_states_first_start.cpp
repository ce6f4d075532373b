// Page states of the first start (the wizard's pages, with and without a GPU or a model), the
// Preferences and the project summary on the Start page, for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

#include "ui/window/first_start_pages.h"
#include "ui/window/first_start_wizard.h"
#include "ui/window/settings_dialog.h"

#include <QFile>
#include <QPushButton>

namespace rashisa::testing {

using namespace rashisa::ui;

FirstStartWizard* openFirstStart(GuiFixture& f, int page) {
  f.window->show();
  FirstStartWizard* w = f.window->showFirstStart();
  while (w->currentId() < page) w->next();
  f.waitIdle();
  return w;
}

namespace {

constexpr GuiOptions kNoModel{true, true, false};
constexpr GuiOptions kNoGpu{true, false, true};

void measure(GuiFixture& f) {
  FirstStartWizard* w = openFirstStart(f, FirstStartWizard::DevicePage);
  w->devicePage()->measureButton()->click();
  f.waitIdle();
}

}  // namespace

QList<UiState> firstStartStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("first-start-language"), {},
               [](GuiFixture& f) { openFirstStart(f, FirstStartWizard::LanguagePage); }, {}});
  s.push_back({QStringLiteral("first-start-model"), {},
               [](GuiFixture& f) { openFirstStart(f, FirstStartWizard::ModelPage); }, {}});
  s.push_back({QStringLiteral("first-start-no-model"), kNoModel,
               [](GuiFixture& f) { openFirstStart(f, FirstStartWizard::ModelPage); }, {}});
  s.push_back({QStringLiteral("first-start-model-refused"), kNoModel, [](GuiFixture& f) {
                 FirstStartWizard* w = openFirstStart(f, FirstStartWizard::ModelPage);
                 f.state->script.failNext = QStringLiteral("describeModel");
                 f.state->script.failCode = QStringLiteral("unsafe-format");
                 f.dialogs.model = f.path(QStringLiteral("models/v1-5-pruned.ckpt"));
                 w->modelPage()->fileButton()->click();
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("first-start-device"), {}, measure, {}});
  s.push_back({QStringLiteral("first-start-device-no-model"), kNoModel,
               [](GuiFixture& f) { openFirstStart(f, FirstStartWizard::DevicePage); }, {}});
  s.push_back({QStringLiteral("first-start-no-gpu"), kNoGpu, [](GuiFixture& f) {
                 f.state->script.secondsPerSample = {20, 16, 36};
                 f.state->script.secondsPerDenoise = 2.5;
                 f.state->script.decodeSeconds = 6;
                 measure(f);
               }, {}});
  s.push_back({QStringLiteral("settings-dialog"), {}, [](GuiFixture& f) {
                 f.window->show();
                 f.settings->setReviewer(QStringLiteral("Sato"));
                 f.settings->setExportFolder(f.path(QStringLiteral("Catalogue images")));
                 f.window->showPreferences();
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("start-summary"), {}, [](GuiFixture& f) {
                 const QString path = f.path(QStringLiteral("Blue mug.rashisa"));
                 QFile(path).open(QIODevice::WriteOnly);  // on disk, so the recent list shows it as there
                 f.openFakeProject(catalogueProject(path, f.modelPath, 48));
                 f.window->show();
                 f.window->showPage(PageId::Start);
                 f.waitIdle();
               }, {}});
  return s;
}

}  // namespace rashisa::testing
