// The Preferences (every field round-trips through Settings, the controller and the pages follow)
// and the project summary: the Start page's card, the line in the step rail, the hours saved
// against a photo shoot, and the link that opens the Preferences at the rate.
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/start_page.h"
#include "ui/pages/summary_card.h"
#include "ui/window/settings_dialog.h"
#include "ui/window/step_rail.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

/// The Preferences that are open now (an earlier one may wait for its deferred deletion).
SettingsDialog* visibleDialog(GuiFixture& f) {
  for (SettingsDialog* d : f.window->findChildren<SettingsDialog*>())
    if (d->isVisible()) return d;
  return nullptr;
}

SettingsDialog* openPreferences(GuiFixture& f) {
  f.window->show();
  for (QAction* menu : f.window->menuBar()->actions())
    if (menu->menu())
      for (QAction* a : menu->menu()->actions())
        if (a->text() == QStringLiteral("&Preferences…")) a->trigger();
  return visibleDialog(f);
}

void choose(QComboBox* box, const QString& data) {
  const int index = box->findData(data);
  QVERIFY(index >= 0);
  box->setCurrentIndex(index);
}

}  // namespace

class TestSettingsDialog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyFieldIsSavedAndReadBack() {
    GuiFixture f;
    QPointer<SettingsDialog> d = openPreferences(f);
    QVERIFY(d && d->isVisible());
    QCOMPARE(d->languageBox()->currentData().toString(), QString());
    QCOMPARE(d->deviceBox()->currentData().toString(), QStringLiteral("auto"));
    QCOMPARE(d->memoryBox()->currentText(), QStringLiteral("Automatic"));
    QCOMPARE(d->previewEveryBox()->value(), 100);
    QCOMPARE(d->shootHoursBox()->value(), 0.5);
    choose(d->languageBox(), QStringLiteral("en"));
    d->reviewerEdit()->setText(QStringLiteral("  Sato Hanako "));
    choose(d->deviceBox(), QStringLiteral("cpu"));
    choose(d->memoryBox(), QStringLiteral("12gb"));
    QCOMPARE(d->memoryBox()->currentText(), QStringLiteral("12 GB GPU"));
    f.dialogs.chosenFolder = f.path(QStringLiteral("out"));
    d->chooseFolderButton()->click();
    QCOMPARE(f.dialogs.folderTitles, QStringList{QStringLiteral("Choose the export folder")});
    QCOMPARE(d->exportFolderEdit()->text(), QDir::toNativeSeparators(f.path(QStringLiteral("out"))));
    d->previewEveryBox()->setValue(50);
    d->shootHoursBox()->setValue(0.75);
    d->saveButton()->click();
    QVERIFY(f.waitIdle());
    QVERIFY(!d || !d->isVisible());

    QCOMPARE(f.settings->language(), QStringLiteral("en"));
    QCOMPARE(f.settings->reviewer(), QStringLiteral("Sato Hanako"));
    QCOMPARE(f.settings->device(), QStringLiteral("cpu"));
    QCOMPARE(f.settings->memoryPlan(), QStringLiteral("12gb"));
    QCOMPARE(f.settings->exportFolder(), f.path(QStringLiteral("out")));
    QCOMPARE(f.settings->previewEvery(), 50);
    QCOMPARE(f.settings->shootHoursPerImage(), 0.75);
    // The device is probed again and the reviewer handed to the engine, on the worker.
    QCOMPARE(f.controller->device()->cuda, false);
    QVERIFY(f.state->callNames().contains(QStringLiteral("setReviewer")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);

    SettingsDialog* again = openPreferences(f);
    QCOMPARE(again->languageBox()->currentData().toString(), QStringLiteral("en"));
    QCOMPARE(again->reviewerEdit()->text(), QStringLiteral("Sato Hanako"));
    QCOMPARE(again->deviceBox()->currentData().toString(), QStringLiteral("cpu"));
    QCOMPARE(again->memoryBox()->currentData().toString(), QStringLiteral("12gb"));
    QCOMPARE(again->previewEveryBox()->value(), 50);
    QCOMPARE(again->shootHoursBox()->value(), 0.75);
  }

  void cancelKeepsTheSettings() {
    GuiFixture f;
    SettingsDialog* d = openPreferences(f);
    d->shootHoursBox()->setValue(3);
    choose(d->memoryBox(), QStringLiteral("8gb"));
    for (QPushButton* b : d->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Cancel")) b->click();
    QCOMPARE(f.settings->shootHoursPerImage(), 0.5);
    QCOMPARE(f.settings->memoryPlan(), QString());
  }

  void theLearnPageStartsFromThePreferences() {
    GuiFixture f;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QCOMPARE(setup->options().memoryPlan, QString());
    SettingsDialog* d = openPreferences(f);
    choose(d->memoryBox(), QStringLiteral("16gb"));
    d->previewEveryBox()->setValue(250);
    d->saveButton()->click();
    QCOMPARE(setup->options().memoryPlan, QStringLiteral("16gb"));
    QCOMPARE(setup->options().previewEvery, 250);
  }

  void theSummaryShowsWhatTheProjectMadeAndTheHoursSaved() {
    GuiFixture f;
    StartPage* start = f.window->startPage();
    QVERIFY(!start->summary()->isVisibleTo(start));
    QVERIFY(!f.window->rail()->projectSummary()->isVisibleTo(f.window->rail()));
    f.openFakeProject(catalogueProject(f.path(QStringLiteral("c.rashisa")), f.modelPath, 12));
    SummaryCard* card = start->summary();
    QVERIFY(card->isVisibleTo(start));
    // The catalogue's 4 templates make 9 images, every fourth approved; 600 s of training and
    // 4 s per image.
    const ProjectSummary& s = f.controller->project().summary;
    QCOMPARE(s.approved, qint64(3));
    QCOMPARE(card->figure(0), QStringLiteral("1"));
    QCOMPARE(card->figure(1), QStringLiteral("9"));
    QCOMPARE(card->figure(2), QStringLiteral("3"));
    QCOMPARE(card->figure(3), QStringLiteral("0"));
    QCOMPARE(card->figure(4), QStringLiteral("0.2 h"));
    // 3 x 0.5 h - 636 s = 1.32 h.
    QVERIFY(qAbs(f.controller->hoursSaved() - (1.5 - 636.0 / 3600)) < 1e-9);
    QCOMPARE(card->savedLabel()->text(), QStringLiteral("About 1.3 hours saved"));
    QVERIFY(card->noteLabel()->text().contains(QStringLiteral("× 0.5 h")));
    QVERIFY(card->noteLabel()->text().contains(QStringLiteral("minus 0.2 h")));
    QCOMPARE(card->savedLabel()->toolTip(), card->noteLabel()->text());
    QLabel* rail = f.window->rail()->projectSummary();
    QVERIFY(rail->isVisibleTo(f.window->rail()));
    QVERIFY(rail->text().endsWith(QStringLiteral(" · 1.3 h saved")));
    QCOMPARE(rail->toolTip(), card->noteLabel()->text());

    // The link opens the Preferences at the rate; a new rate changes the figure at once.
    f.window->show();
    Q_EMIT card->rateLink()->linkActivated(QStringLiteral("rate"));
    SettingsDialog* d = visibleDialog(f);
    QVERIFY(d);
    QCOMPARE(d->focusWidget(), d->shootHoursBox());
    d->shootHoursBox()->setValue(2);
    d->saveButton()->click();
    QCOMPARE(card->savedLabel()->text(), QStringLiteral("About 5.8 hours saved"));
    QVERIFY(rail->text().endsWith(QStringLiteral(" · 5.8 h saved")));
  }

  void noTimeIsSavedBeforeImagesAreApproved() {
    GuiFixture f;
    f.openFakeProject(trainedProject(f.path(QStringLiteral("t.rashisa")), f.modelPath));
    SummaryCard* card = f.window->startPage()->summary();
    QVERIFY(f.controller->hoursSaved() < 0);  // 600 s of training, nothing approved yet
    QCOMPARE(card->savedLabel()->text(), QStringLiteral("No time saved yet"));
    QVERIFY(!f.window->rail()->projectSummary()->isVisibleTo(f.window->rail()));  // no images yet
    f.controller->closeProject();
    QVERIFY(f.waitIdle());
    QVERIFY(!card->isVisibleTo(f.window->startPage()));
  }
};

RASHISA_GUI_TEST_MAIN(TestSettingsDialog)
#include "test_settings_dialog.moc"
