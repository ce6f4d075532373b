// The Templates page on the fake engine: the list with examples, counts and check boxes (kept per
// project), editing with undo/redo and the keyboard, drafts that survive switching and closing,
// save, the live check with problems next to their fields, the live total and its cap, import
// with and without errors, export, new/duplicate/remove, and example images. No engine call
// runs on the GUI thread.
#include "tests/gui/fake_engine_templates.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/template_list_model.h"
#include "ui/models/text_table_model.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/pages/template_editor.h"
#include "ui/pages/template_import_panel.h"
#include "ui/pages/template_total_line.h"
#include "ui/pages/template_variables_editor.h"
#include "ui/pages/templates_page.h"
#include "ui/text/template_text.h"
#include "ui/widgets/field_problem.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

const QString kWhitePrompt = QStringLiteral("a photo of {product} on {background}, {light}, studio lighting");

QString projectPath(GuiFixture& f) { return f.path(QStringLiteral("p.rashisa")); }

bool settle(GuiFixture& f) {
  TemplatesPage* page = f.window->templatesPage();
  return f.waitFor([&] { return !page->previewPending(); }) && f.waitIdle();
}

TemplatesPage* openTemplates(GuiFixture& f, const FakeProject& project) {
  f.openFakeProject(project);
  f.window->show();
  f.window->showPage(PageId::Templates);
  f.window->activateWindow();
  if (!QTest::qWaitForWindowActive(f.window.get())) qWarning("the window did not become active");
  settle(f);
  return f.window->templatesPage();
}

TemplatesPage* openTemplates(GuiFixture& f, bool trained = true, bool examples = true) {
  return openTemplates(f, templatesProject(projectPath(f), f.modelPath, trained, examples));
}

QList<TemplateItem> stored(GuiFixture& f) {
  QMutexLocker lock(&f.state->mutex);
  return f.state->projects[projectPath(f)].snapshot.templates;
}

QString rowText(TemplatesPage* page, int row, int role = Qt::DisplayRole) {
  return page->templateModel()->index(row).data(role).toString();
}

void rememberSpeed(GuiFixture& f) {
  f.settings->setGenerationSpeed(QStringLiteral("SD 2.x"), {0.05, 0.2, 512, QStringLiteral("NVIDIA GeForce RTX 4090")});
}

/// `actual` reads as `expected`, where "(s)" stands for a plural ending: the English plural forms
/// come from translations/rashisa_en.ts, which gets new strings only when it is regenerated.
bool like(const QString& actual, const QString& expected) {
  QString pattern = QRegularExpression::escape(expected);
  pattern.replace(QStringLiteral("\\(s\\)"), QStringLiteral("(?:s|\\(s\\))?"));
  const bool ok = QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$')).match(actual).hasMatch();
  if (!ok) qWarning("\"%s\" does not read as \"%s\"", qPrintable(actual), qPrintable(expected));
  return ok;
}

void setChosen(TemplatesPage* page, int row, bool chosen) {
  page->templateModel()->setData(page->templateModel()->index(row), chosen ? Qt::Checked : Qt::Unchecked,
                                 Qt::CheckStateRole);
}

}  // namespace

class TestTemplatesPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void theListShowsTemplatesWithExamplesAndCounts() {
    GuiFixture f;
    QAbstractItemModelTester tester(f.window->templatesPage()->templateModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    TemplatesPage* page = openTemplates(f);
    TemplateListModel* model = page->templateModel();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(rowText(page, 0), QStringLiteral("White studio"));
    QCOMPARE(model->index(0).data(TemplateListModel::PromptCountRole).toLongLong(), 6);
    QVERIFY(like(rowText(page, 0, TemplateListModel::SubtitleRole), QStringLiteral("6 prompt(s) · Built-in")));
    QVERIFY(like(rowText(page, 1, TemplateListModel::SubtitleRole), QStringLiteral("1 prompt(s) · Built-in")));
    QVERIFY(!model->index(0).data(TemplateListModel::ExampleRole).value<QImage>().isNull());
    QCOMPARE(model->index(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(page->currentUid(), model->uidAt(0));
    QCOMPARE(page->editor()->promptEdit()->toPlainText(), kWhitePrompt);
    QCOMPARE(page->editor()->labelJaEdit()->text(), QStringLiteral("白背景のスタジオ"));
    QCOMPARE(page->editor()->samplerBox()->currentData().toString(), QStringLiteral("dpmpp-2m"));
    QCOMPARE(page->editor()->samplerBox()->currentText(), QStringLiteral("DPM++ 2M (recommended)"));
    QCOMPARE(page->editor()->variablesEditor()->variablesModel()->rowCount(), 2);
    QCOMPARE(page->editor()->variablesEditor()->valuesModel()->rowCount(), 2);
    QVERIFY(page->editor()->builtinNote()->isVisibleTo(page));
    QVERIFY(!page->examplesLine()->isVisibleTo(page));
    QVERIFY(!page->saveButton()->isEnabled());
    QCOMPARE(page->saveReason()->text(), QStringLiteral("All changes are saved."));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void labelsFollowTheWindowsLanguage() {
    TemplateItem t = FakeEngine::catalogue().front();
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    QCOMPARE(TemplateText::label(t), QStringLiteral("白背景のスタジオ"));
    t.labelJa.clear();
    QCOMPARE(TemplateText::label(t), QStringLiteral("White studio"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    t.labelEn.clear();
    QCOMPARE(TemplateText::label(t), QStringLiteral("white-studio"));
    QCOMPARE(TemplateText::part(QStringLiteral("negative_prompt")), QStringLiteral("negative"));
    QCOMPARE(TemplateText::part(QStringLiteral("var.background")), QStringLiteral("variables"));
    QCOMPARE(TemplateText::part(QStringLiteral("label_ja")), QStringLiteral("labels"));
    QCOMPARE(TemplateText::part(QStringLiteral("images_per_prompt")), QStringLiteral("images"));
  }

  void severalEditsUndoAndRedoWithButtonsAndKeys() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    TemplateEditor* editor = page->editor();
    QPlainTextEdit* prompt = editor->promptEdit();
    prompt->setFocus();
    prompt->moveCursor(QTextCursor::End);
    QTest::keyClicks(prompt, QStringLiteral(", close-up"));
    QCOMPARE(page->currentStack()->count(), 1);  // typing in one field is one step
    editor->stepsBox()->setValue(40);
    editor->stepsBox()->setValue(45);
    QCOMPARE(page->currentStack()->count(), 2);
    editor->samplerBox()->setCurrentIndex(editor->samplerBox()->findData(QStringLiteral("euler")));
    QCOMPARE(page->currentStack()->count(), 3);
    const TemplateEntry* e = page->templateModel()->entry(page->currentUid());
    QCOMPARE(e->draft.prompt, kWhitePrompt + QStringLiteral(", close-up"));
    QCOMPARE(e->draft.steps, 45);
    QVERIFY(rowText(page, 0, TemplateListModel::SubtitleRole).endsWith(QStringLiteral("Not saved")));

    prompt->setFocus();
    QTest::keyClick(prompt, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor->samplerBox()->currentData().toString(), QStringLiteral("dpmpp-2m"));
    QVERIFY(page->undoButton()->isEnabled());
    page->undoButton()->click();
    QCOMPARE(editor->stepsBox()->value(), 30);
    QTest::keyClick(prompt, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(prompt->toPlainText(), kWhitePrompt);
    QVERIFY(!page->templateModel()->entry(page->currentUid())->dirty());
    QVERIFY(!page->undoButton()->isEnabled());
    QTest::keyClick(prompt, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(prompt->toPlainText(), kWhitePrompt + QStringLiteral(", close-up"));
    QTest::keyClick(prompt, Qt::Key_Y, Qt::ControlModifier);
    QCOMPARE(editor->stepsBox()->value(), 45);
    page->redoButton()->click();
    QCOMPARE(editor->samplerBox()->currentData().toString(), QStringLiteral("euler"));
    QVERIFY(!page->redoButton()->isEnabled());
    QVERIFY(settle(f));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void saveWritesTheTemplateThroughTheController() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    QTest::keyClicks(page->editor()->labelEnEdit(), QStringLiteral(" 2"));
    QVERIFY(settle(f));
    QVERIFY(page->saveButton()->isEnabled());
    QCOMPARE(page->saveReason()->text(), QStringLiteral("Not saved yet."));
    QVERIFY(!f.settings->templateDrafts(projectPath(f)).isEmpty());
    page->saveButton()->click();
    QVERIFY(settle(f));
    QCOMPARE(stored(f).front().labelEn, QStringLiteral("White studio 2"));
    QVERIFY(f.state->callNames().contains(QStringLiteral("saveTemplate")));
    QVERIFY(!page->templateModel()->entry(page->currentUid())->dirty());
    QVERIFY(!page->saveButton()->isEnabled());
    QCOMPARE(page->saveReason()->text(), QStringLiteral("All changes are saved."));
    QCOMPARE(page->templateModel()->rowCount(), 4);
    QVERIFY(f.settings->templateDrafts(projectPath(f)).isEmpty());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void problemsAreShownNextToTheirFieldAndCleared() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    TemplateEditor* editor = page->editor();
    QVERIFY(like(editor->countLabel()->text(), QStringLiteral("This template makes 6 prompt(s) per product. The first ones:")));
    QVERIFY(editor->exampleView()->toPlainText().startsWith(
        QStringLiteral("a photo of <rashisa> mug on white seamless paper, soft daylight")));
    editor->promptEdit()->setPlainText(QStringLiteral("a photo on {background}"));
    QVERIFY(settle(f));
    FieldProblem* prompt = editor->problemOf(QStringLiteral("prompt"));
    QVERIFY(prompt->isVisibleTo(page));
    QCOMPARE(prompt->text(), QStringLiteral("The prompt needs {product} where the product goes. Use \"Insert {product}\"."));
    QVERIFY(editor->problemOf(QStringLiteral("variables"))->text().contains(QStringLiteral("\"light\"")));
    QVERIFY(!prompt->copyButton()->isVisibleTo(page));
    QVERIFY(!page->saveButton()->isEnabled());
    QCOMPARE(page->saveReason()->text(), QStringLiteral("Fix the marked fields to save."));
    QCOMPARE(editor->countLabel()->text(), QStringLiteral("Fix the marked fields to see the example."));

    editor->promptEdit()->moveCursor(QTextCursor::End);
    editor->insertProductButton()->click();
    QTest::keyClicks(editor->promptEdit(), QStringLiteral(" {light}"));
    QCOMPARE(editor->promptEdit()->toPlainText(), QStringLiteral("a photo on {background}{product} {light}"));
    QVERIFY(settle(f));
    QVERIFY(!prompt->isVisibleTo(page));
    QVERIFY(!editor->problemOf(QStringLiteral("variables"))->isVisibleTo(page));
    QVERIFY(page->saveButton()->isEnabled());

    editor->widthBox()->setValue(500);
    QVERIFY(settle(f));
    QCOMPARE(editor->problemOf(QStringLiteral("size"))->text(),
             QStringLiteral("Width and height must be multiples of 8, from 64 to 2048."));
    // Another template's id is found here, before the engine is asked to save.
    page->editor()->keyEdit()->setText(QString());
    QTest::keyClicks(page->editor()->keyEdit(), QStringLiteral("outdoor"));
    QVERIFY(settle(f));
    QVERIFY(editor->problemOf(QStringLiteral("key"))->text().contains(QStringLiteral("\"outdoor\"")));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void unknownProblemCodesOfferCopyDetails() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    TemplateEditor* editor = page->editor();
    editor->setProblems({{QStringLiteral("white-studio"), 0, QStringLiteral("prompt"), QStringLiteral("brand-new-code"), {},
                          QStringLiteral("the engine's words")},
                         {QStringLiteral("white-studio"), 0, QStringLiteral("mystery"), QStringLiteral("empty-prompt"), {}, {}}});
    FieldProblem* prompt = editor->problemOf(QStringLiteral("prompt"));
    QCOMPARE(prompt->text(), QStringLiteral("This part cannot be used as it is. \"Copy details\" shows the exact reason."));
    QVERIFY(prompt->copyButton()->isVisibleTo(page));
    QCOMPARE(editor->problemOf(QString())->text(), QStringLiteral("Write the prompt."));
    QVERIFY(editor->hasProblems());
  }

  void olderCheckAnswersAreDropped() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    const int shown = page->previewsShown();
    page->selectRow(1);  // asks at once...
    page->selectRow(0);  // ...and again before the first answer
    QVERIFY(settle(f));
    QCOMPARE(page->previewsShown(), shown + 1);
    QCOMPARE(page->previewsDropped(), 1);
    QVERIFY(page->editor()->exampleView()->toPlainText().contains(QStringLiteral("white seamless paper")));
  }

  void theTotalCountsTheChosenTemplates() {
    GuiFixture f;
    rememberSpeed(f);
    TemplatesPage* page = openTemplates(f);
    QLabel* total = page->totalLine()->totalLabel();
    // 9 images x 30 steps x 0.05 s + 9 x 0.2 s = 15.3 s.
    QVERIFY(like(total->text(), QStringLiteral("4 template(s): 9 prompt(s) × 1 seed(s) = 9 image(s) (under a minute)")));
    for (int row = 1; row < 4; ++row) setChosen(page, row, false);
    QVERIFY(like(total->text(), QStringLiteral("1 template(s) × 2 × 3 × 1 seed(s) = 6 image(s) (under a minute)")));
    QCOMPARE(f.settings->templatesLeftOut(projectPath(f)).size(), 3);
    page->editor()->imagesBox()->setValue(40);  // the draft counts at once: 240 images, 408 s
    QVERIFY(like(total->text(), QStringLiteral("1 template(s) × 2 × 3 × 40 seed(s) = 240 image(s) (about 7 minutes)")));
    setChosen(page, 0, false);
    QCOMPARE(total->text(), QStringLiteral("Tick at least one template to use on the Generate page."));
    QVERIFY(settle(f));
  }

  void withoutAMeasuredSpeedTheTimeIsLeftOut() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    QVERIFY(like(page->totalLine()->totalLabel()->text(),
                 QStringLiteral("4 template(s): 9 prompt(s) × 1 seed(s) = 9 image(s) (the time is shown once this "
                                "computer's speed has been measured)")));
  }

  void overTheCapItSaysWhatToChange() {
    GuiFixture f;
    rememberSpeed(f);
    FakeProject p = templatesProject(projectPath(f), f.modelPath, true, true);
    TemplateItem grid = gridTemplate(QStringLiteral("grid"), 12, 8);  // 144 prompts x 8 = 1152 images
    grid.id = p.nextId++;
    p.snapshot.templates.push_back(grid);
    TemplatesPage* page = openTemplates(f, p);
    TemplateTotalLine* line = page->totalLine();
    QVERIFY(line->overCap());
    QCOMPARE(line->images(), 1161);
    QVERIFY(line->capLabel()->isVisibleTo(page));
    QCOMPARE(line->capLabel()->text(),
             QStringLiteral("That is more than 1,000 images in one go, and \"Grid\" alone makes 1,152. Choose fewer "
                            "templates, fewer values or fewer images per prompt."));
    page->selectRow(4);
    page->editor()->imagesBox()->setValue(6);  // 864 + 9
    QVERIFY(!line->overCap());
    QVERIFY(!line->capLabel()->isVisibleTo(page));
    QVERIFY(settle(f));
  }

  void importWithErrorsImportsNothingAndListsEveryProblem() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    QAbstractItemModelTester tester(page->importPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    TemplateItem good = FakeEngine::catalogue().at(1);
    good.key = QStringLiteral("terrace");
    TemplateItem noProduct = good;
    noProduct.key = QStringLiteral("beach");
    noProduct.prompt = QStringLiteral("a beach at noon");
    f.dialogs.templatesIn = f.path(QStringLiteral("bad.json"));
    writeTemplateFile(f.dialogs.templatesIn, {good, noProduct, FakeEngine::catalogue().at(2)});
    page->importButton()->click();
    QVERIFY(settle(f));
    QVERIFY(page->importPanel()->isVisibleTo(page));
    TextTableModel* problems = page->importPanel()->model();
    QCOMPARE(problems->rowCount(), 2);
    QCOMPARE(problems->rows().at(0),
             (QStringList{QStringLiteral("Template \"beach\""), QStringLiteral("Prompt"),
                          QStringLiteral("The prompt needs {product} where the product goes. Use \"Insert {product}\".")}));
    QCOMPARE(problems->text(1, 1), QStringLiteral("ID"));
    QVERIFY(problems->text(1, 2).contains(QStringLiteral("\"outdoor\"")));
    QVERIFY(page->importPanel()->title()->text().startsWith(QStringLiteral("Nothing was imported from \"bad.json\"")));
    QCOMPARE(stored(f).size(), 4);
    QCOMPARE(page->templateModel()->rowCount(), 4);

    f.dialogs.templatesIn = f.path(QStringLiteral("good.json"));
    writeTemplateFile(f.dialogs.templatesIn, {good});
    page->importButton()->click();
    QVERIFY(settle(f));
    QVERIFY(!page->importPanel()->isVisibleTo(page));
    QCOMPARE(stored(f).size(), 5);
    QCOMPARE(page->templateModel()->rowCount(), 5);
    QVERIFY(like(page->messageBar().notice().title, QStringLiteral("1 template(s) imported.")));
    QCOMPARE(page->list()->currentIndex().row(), 4);
    QCOMPARE(page->editor()->keyEdit()->text(), QStringLiteral("terrace"));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void exportWritesAFile() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    f.dialogs.templatesOut = f.path(QStringLiteral("out/templates.json"));
    QDir().mkpath(f.path(QStringLiteral("out")));
    QVERIFY(page->exportButton()->isEnabled());
    page->exportButton()->click();
    QVERIFY(settle(f));
    QFile file(f.dialogs.templatesOut);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("white-studio") && json.contains("flat-lay"));
    QCOMPARE(page->messageBar().notice().level, MessageLevel::Success);
    f.dialogs.templatesOut.clear();  // cancelled: nothing happens
    page->exportButton()->click();
    QVERIFY(settle(f));
    QCOMPARE(f.state->callNames().count(QStringLiteral("exportTemplates")), 1);
  }

  void choicesAndDraftsAreKeptWithTheProject() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    setChosen(page, 2, false);
    page->selectRow(1);
    page->editor()->promptEdit()->setPlainText(QStringLiteral("a photo of {product} on a marble table"));
    page->selectRow(0);  // switching keeps the draft
    QVERIFY(page->templateModel()->entry(page->templateModel()->uidAt(1))->dirty());
    page->selectRow(1);
    QCOMPARE(page->editor()->promptEdit()->toPlainText(), QStringLiteral("a photo of {product} on a marble table"));
    QVERIFY(settle(f));

    f.controller->closeProject();
    QVERIFY(f.waitIdle());
    QCOMPARE(page->templateModel()->rowCount(), 0);
    f.controller->openProject(projectPath(f));
    QVERIFY(f.waitIdle());
    QVERIFY(settle(f));
    QCOMPARE(page->templateModel()->index(2).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(page->templateModel()->index(1).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    const TemplateEntry* restored = page->templateModel()->entry(page->templateModel()->uidAt(1));
    QVERIFY(restored->dirty());
    QCOMPARE(restored->draft.prompt, QStringLiteral("a photo of {product} on a marble table"));
    QVERIFY(page->messageBar().notice().title.contains(QStringLiteral("changes that are not saved yet")));
  }

  void discardIsAnUndoableStep() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    page->editor()->negativeEdit()->setFocus();
    QTest::keyClicks(page->editor()->negativeEdit(), QStringLiteral(", text"));
    QVERIFY(page->discardButton()->isEnabled());
    page->discardButton()->click();
    QVERIFY(f.dialogs.questions.isEmpty());
    QCOMPARE(page->editor()->negativeEdit()->text(), QStringLiteral("blurry, low quality"));
    QVERIFY(!page->discardButton()->isEnabled());
    page->undoButton()->click();
    QCOMPARE(page->editor()->negativeEdit()->text(), QStringLiteral("blurry, low quality, text"));
    QVERIFY(settle(f));
  }

  void newDuplicateAndRemove() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    TemplateListModel* model = page->templateModel();
    page->newButton()->click();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(page->list()->currentIndex().row(), 4);
    QVERIFY(like(rowText(page, 4, TemplateListModel::SubtitleRole), QStringLiteral("1 prompt(s) · New, not saved")));
    QCOMPARE(page->editor()->keyEdit()->text(), QStringLiteral("my-template"));
    QCOMPARE(page->editor()->labelEnEdit()->text(), QStringLiteral("New template"));
    QVERIFY(settle(f));
    QVERIFY(page->saveButton()->isEnabled());
    page->saveButton()->click();
    QVERIFY(settle(f));
    QCOMPARE(stored(f).size(), 5);
    QCOMPARE(model->rowCount(), 5);  // the saved template keeps its row
    QVERIFY(!model->entry(page->currentUid())->dirty());
    QCOMPARE(model->index(4).data(TemplateListModel::IdRole).toLongLong(), stored(f).last().id);

    page->duplicateButton()->click();
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(page->editor()->keyEdit()->text(), QStringLiteral("my-template-copy"));
    QCOMPARE(page->editor()->labelEnEdit()->text(), QStringLiteral("New template (copy)"));
    f.dialogs.answer = false;
    page->removeButton()->click();
    QCOMPARE(f.dialogs.questions, QStringList{QStringLiteral("Remove the template?")});
    QCOMPARE(model->rowCount(), 6);
    f.dialogs.answer = true;
    page->removeButton()->click();
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(!f.state->callNames().contains(QStringLiteral("removeTemplate")));  // it was never saved

    page->selectRow(0);
    page->removeButton()->click();
    QVERIFY(settle(f));
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(stored(f).size(), 4);
    QCOMPARE(stored(f).front().key, QStringLiteral("lifestyle-table"));
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }

  void variablesAndValuesAreEditedInPlace() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f);
    TemplateVariablesEditor* vars = page->editor()->variablesEditor();
    QAbstractItemModelTester variables(vars->variablesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester values(vars->valuesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    vars->selectVariable(0);
    vars->addValueButton()->click();
    QCOMPARE(vars->valuesModel()->rowCount(), 3);
    TextTableModel* valueModel = vars->valuesModel();
    QVERIFY(valueModel->setData(valueModel->index(2, 0), QStringLiteral("pale blue paper")));
    QVERIFY(valueModel->setData(valueModel->index(2, 1), QStringLiteral("水色")));
    const TemplateEntry* e = page->templateModel()->entry(page->currentUid());
    QCOMPARE(e->draft.variables[0].values[2].value, QStringLiteral("pale blue paper"));
    QCOMPARE(e->draft.variables[0].values[2].labelJa, QStringLiteral("水色"));
    QCOMPARE(page->templateModel()->index(0).data(TemplateListModel::PromptCountRole).toLongLong(), 9);
    QCOMPARE(vars->variablesModel()->text(0, 3), QStringLiteral("3"));
    QCOMPARE(page->currentStack()->count(), 3);
    vars->addVariableButton()->click();
    QCOMPARE(vars->variablesModel()->text(2, 0), QStringLiteral("variable"));
    QCOMPARE(vars->currentVariable(), 2);
    QVERIFY(settle(f));
    QVERIFY(page->editor()->problemOf(QStringLiteral("variables"))->text().contains(QStringLiteral("\"variable\"")));
    for (int i = 0; i < 4; ++i) page->undoButton()->click();
    QCOMPARE(page->templateModel()->entry(page->currentUid())->draft.variables.size(), 2);
    QCOMPARE(vars->currentVariable(), 1);  // the last one, where the removed one was
    QCOMPARE(vars->valuesModel()->rowCount(), 3);
    vars->selectVariable(0);
    QCOMPARE(vars->valuesModel()->rowCount(), 2);
    QVERIFY(!page->templateModel()->entry(page->currentUid())->dirty());
    QVERIFY(settle(f));
  }

  void examplesCanBeMadeFromThePage() {
    GuiFixture f;
    TemplatesPage* page = openTemplates(f, false, false);
    QVERIFY(page->examplesLine()->isVisibleTo(page));
    QVERIFY(page->examplesLine()->text().contains(QStringLiteral("once a product has learned")));
    QVERIFY(!page->makeExamplesButton()->isVisibleTo(page));

    GuiFixture g;
    page = openTemplates(g, true, false);
    QVERIFY(page->makeExamplesButton()->isVisibleTo(page));
    QVERIFY(page->makeExamplesButton()->isEnabled());
    QVERIFY(page->templateModel()->index(0).data(TemplateListModel::ExampleRole).value<QImage>().isNull());
    page->makeExamplesButton()->click();
    QVERIFY(!page->makeExamplesButton()->isEnabled());
    QVERIFY(settle(g));
    for (int row = 0; row < 4; ++row)
      QVERIFY(!page->templateModel()->index(row).data(TemplateListModel::ExampleRole).value<QImage>().isNull());
    QVERIFY(!page->examplesLine()->isVisibleTo(page));
    QVERIFY(g.state->callNames().contains(QStringLiteral("makeTemplateExamples")));
    QCOMPARE(g.state->callsOn(QThread::currentThread()), 0);
  }

  void aGpuMakesTheExamplesWhenTheFirstProductHasLearned() {
    for (const bool gpu : {true, false}) {
      GuiOptions options;
      options.gpu = gpu;
      GuiFixture f(options);
      TemplatesPage* page = openTemplates(f, false, false);
      QVERIFY(!page->makeExamplesButton()->isVisibleTo(page));
      f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug"), QStringLiteral("fast"), 0, 512, {3, 3, 3}, 100},
                          f.window->learnPage()->setupPanel()->options());
      QVERIFY(settle(f));
      QVERIFY(f.controller->product() && f.controller->product()->trained);
      QCOMPARE(f.state->callNames().contains(QStringLiteral("makeTemplateExamples")), gpu);
      QVERIFY(!f.controller->isMakingExamples());
      if (gpu) {
        for (int row = 0; row < page->templateModel()->rowCount(); ++row)
          QVERIFY(!page->templateModel()->index(row).data(TemplateListModel::ExampleRole).value<QImage>().isNull());
        QVERIFY(!page->examplesLine()->isVisibleTo(page));
      } else {  // on a CPU the page offers it instead of holding up the next batch
        QVERIFY(page->examplesLine()->isVisibleTo(page));
        QVERIFY(page->makeExamplesButton()->isVisibleTo(page));
        QVERIFY(page->makeExamplesButton()->isEnabled());
      }
    }
  }

  void templatesCanBeEditedAndSavedWhileABatchRuns() {
    GuiFixture f;
    f.state->script.stepMs = 15;
    TemplatesPage* page = openTemplates(f, true, false);
    BatchRequest request;
    request.productIds = {f.controller->project().products.front().id};
    request.templateIds = {stored(f).front().id};
    request.seedsPerPrompt = 8;  // 48 images, 4 steps each
    f.controller->startBatch(request);
    QVERIFY(f.waitFor([&] { return f.controller->isBatchRunning(); }));
    QVERIFY(!page->makeExamplesButton()->isEnabled());
    QVERIFY(page->examplesLine()->text().contains(QStringLiteral("training or batch has finished")));
    QVERIFY(page->editor()->promptEdit()->isEnabled());
    QTest::keyClicks(page->editor()->labelEnEdit(), QStringLiteral(" (batch)"));
    QVERIFY(f.waitFor([&] { return !page->previewPending(); }));
    page->saveButton()->click();
    QVERIFY(f.waitFor([&] { return !page->templateModel()->entry(page->currentUid())->dirty(); }));
    QVERIFY(f.controller->isBatchRunning());
    QCOMPARE(stored(f).front().labelEn, QStringLiteral("White studio (batch)"));
    f.controller->cancelJob();
    QVERIFY(f.waitIdle());
    QVERIFY(page->makeExamplesButton()->isEnabled());
    QCOMPARE(f.state->callsOn(QThread::currentThread()), 0);
  }
};

RASHISA_GUI_TEST_MAIN(TestTemplatesPage)
#include "test_templates_page.moc"
