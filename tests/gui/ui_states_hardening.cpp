// Page states of issue 15 in the window: a project another program holds, opened read-only (the
// notice on every page, the Learn page's start blocked with the reason), and the Learn page's
// warning that the project's folder has less free space than training needs; for the
// screenshot and translation tests.
#include "tests/gui/ui_states.h"

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

/// "Blue mug" held by rashisa-cli on another computer, opened read-only on `page`.
void openHeld(GuiFixture& f, PageId page) {
  const QString path = f.path(QStringLiteral("Blue mug.rashisa"));
  f.state->holders.insert(path, {QStringLiteral("rashisa-cli"), QStringLiteral("kojo-pc"), QStringLiteral("sato"),
                                 4321, QDateTime(QDate(2026, 12, 2), QTime(9, 41), Qt::UTC)});
  f.openFakeProject(photosProject(path, f.modelPath));
  f.waitIdle();
  f.window->show();
  f.window->showPage(page);
  f.waitIdle();
}

}  // namespace

QStringList hardeningStateData() {
  return {QStringLiteral("rashisa-cli"), QStringLiteral("kojo-pc"), QStringLiteral("sato")};
}

QList<UiState> hardeningStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("photos-read-only"), {}, [](GuiFixture& f) { openHeld(f, PageId::Photos); }, {}});
  s.push_back({QStringLiteral("learn-read-only"), {}, [](GuiFixture& f) { openHeld(f, PageId::Learn); }, {}});
  s.push_back({QStringLiteral("learn-low-space"), {}, [](GuiFixture& f) {
                 f.state->script.spaceAvailable = qint64(5) << 30;
                 f.state->script.spaceNeeded = qint64(31) << 30;
                 f.openFakeProject(photosProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath));
                 f.waitIdle();
                 f.window->show();
                 f.window->showPage(PageId::Learn);
                 f.waitIdle();
               }, {}});
  return s;
}

}  // namespace rashisa::testing
