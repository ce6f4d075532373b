// Page states of the export step for the screenshot and translation tests.
#include "tests/gui/ui_states.h"

#include "ui/pages/export_page.h"
#include "ui/pages/name_pattern_panel.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QPushButton>

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

/// The catalogue project (3 approved images) on the Export page, exporting to "Export".
ExportPage* showExport(GuiFixture& f, bool approved = true) {
  FakeProject p = catalogueProject(f.path(QStringLiteral("Blue mug.rashisa")), f.modelPath);
  if (!approved)
    for (ImageItem& i : p.snapshot.images) i.review = ReviewState::New;
  f.openFakeProject(p);
  f.window->show();
  f.window->showPage(PageId::Export);
  ExportPage* page = f.window->exportPage();
  page->setUrlOpener([](const QUrl&) { return true; });
  f.dialogs.exportDir = f.path(QStringLiteral("Export"));
  page->chooseFolderButton()->click();
  f.waitFor([page] { return page->namesCurrent(); });
  f.waitIdle();
  return page;
}

}  // namespace

QList<UiState> exportStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("export-ready"), {}, [](GuiFixture& f) { showExport(f); }, {}});
  s.push_back({QStringLiteral("export-nothing-approved"), {}, [](GuiFixture& f) { showExport(f, false); }, {}});
  s.push_back({QStringLiteral("export-bad-pattern"), {}, [](GuiFixture& f) {
                 ExportPage* page = showExport(f);
                 page->namePanel()->setPattern(QStringLiteral("{product}/{colour}"));
                 f.waitFor([page] { return page->namesCurrent(); });
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("export-done"), {}, [](GuiFixture& f) {
                 ExportPage* page = showExport(f);
                 page->contactSheetBox()->setChecked(true);
                 page->exportButton()->click();
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("export-files-exist"), {}, [](GuiFixture& f) {
                 // The engine refused because a file is already there: the page offers to replace it.
                 ExportPage* page = showExport(f);
                 const QString folder = f.path(QStringLiteral("Export"));
                 QDir().mkpath(folder);
                 QFile clash(QDir(folder).filePath(page->namePanel()->shownNames().value(0)));
                 clash.open(QIODevice::WriteOnly);
                 f.controller->exportImages(page->currentSettings());
                 f.waitIdle();
               }, {}});
  return s;
}

}  // namespace rashisa::testing
