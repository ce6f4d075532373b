// Page states of the review step for the screenshot and translation tests.
#include "tests/gui/fake_engine_generate.h"
#include "tests/gui/ui_states.h"
#include "ui/models/image_list_model.h"
#include "ui/pages/image_info_panel.h"
#include "ui/pages/review_filters.h"
#include "ui/pages/review_page.h"

#include <QComboBox>
#include <QListView>
#include <QPushButton>
#include <QTest>

namespace rashisa::testing {

using namespace rashisa::ui;

namespace {

/// The Review page of a project with a finished batch, reviewed in part by Sato.
ReviewPage* openReview(GuiFixture& f) {
  f.settings->setReviewer(QStringLiteral("Sato"));
  f.openFakeProject(interruptedBatchProject(f.path(QStringLiteral("Spring catalogue.rashisa")), f.modelPath, 6));
  f.window->show();
  f.window->showPage(PageId::Review);
  f.waitIdle();
  return f.window->reviewPage();
}

}  // namespace

QList<UiState> reviewStates() {
  QList<UiState> s;
  s.push_back({QStringLiteral("review-grid"), {}, [](GuiFixture& f) { openReview(f); }, {}});
  s.push_back({QStringLiteral("review-compare"), {}, [](GuiFixture& f) {
                 ReviewPage* page = openReview(f);
                 QTest::keyClick(page->grid(), Qt::Key_Right);
                 QTest::keyClick(page->grid(), Qt::Key_C);
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("review-info"), {}, [](GuiFixture& f) {
                 ReviewPage* page = openReview(f);
                 page->info()->regenerateButton()->click();
                 f.waitIdle();
               }, {}});
  s.push_back({QStringLiteral("review-filtered"), {}, [](GuiFixture& f) {
                 ReviewPage* page = openReview(f);
                 ReviewFilters::choose(page->filters()->statusBox(), static_cast<int>(ReviewState::New));
                 f.waitIdle();
                 page->grid()->selectionModel()->select(page->images()->index(1), QItemSelectionModel::Select);
                 page->grid()->selectionModel()->setCurrentIndex(page->images()->index(2), QItemSelectionModel::Select);
                 f.waitIdle();
               }, {}});
  return s;
}

}  // namespace rashisa::testing
