// Errors and the log: every code the engine can report (its error codes, the project file's
// faults, the photo checks' findings and the photo import's failures, read from the engine's
// own names) has its own translated message; the fixes offered with them (less memory, kept
// for later runs; choose the model; the space a full disk needs, and where); "copy details"
// with the log's end; the rotating log file, the Qt messages in it, and its path in the About box.
#include "engine/core/error.h"
#include "engine/store/store_error.h"
#include "tests/gui/gui_fixture.h"
#include "tests/gui/gui_test_main.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/learn_setup_panel.h"
#include "ui/text/error_text.h"
#include "ui/text/finding_text.h"
#include "ui/window/log_file.h"

#include <QComboBox>
#include <QPushButton>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTest>
#include <QThread>

using namespace rashisa;
using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

/// The stable codes an engine source file returns or reports, found by `pattern` (group 1).
QStringList codesIn(const QString& file, const QString& pattern) {
  QFile f(qEnvironmentVariable("RASHISA_SOURCE_DIR") + QLatin1Char('/') + file);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const QString text = QString::fromUtf8(f.readAll());
  QStringList out;
  for (auto it = QRegularExpression(pattern).globalMatch(text); it.hasNext();) out << it.next().captured(1);
  out.removeDuplicates();
  return out;
}

QStringList errorCodeNames() {
  QStringList out;
  for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c)
    out << QString::fromLatin1(error_code_name(static_cast<ErrorCode>(c)));
  return out;
}

QStringList storeFaultNames() {
  QStringList out;
  for (int f = 0; f <= static_cast<int>(store::StoreFault::Internal); ++f)
    out << QString::fromLatin1(store::fault_name(static_cast<store::StoreFault>(f)));
  return out;
}

void shortSteps(LearnSetupPanel* setup) {
  for (int k = 1; k <= 3; ++k) setup->stepsBox(k)->setValue(3);
}

}  // namespace

class TestErrorsAndLog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyEngineErrorCodeHasItsOwnMessage() {
    const QStringList codes = errorCodeNames() + storeFaultNames();
    QCOMPARE(errorCodeNames().size(), 11);  // a new code in engine/core/error.h needs its text here
    QVERIFY(storeFaultNames().size() >= 16);
    QVERIFY(!ErrorText::isKnown(QStringLiteral("no-such-code")));
    for (const QString& code : codes) {
      QVERIFY2(ErrorText::isKnown(code), qPrintable(code));
      const UserMessage m = ErrorText::forCode(code);
      QVERIFY2(!m.title.isEmpty() && !m.advice.isEmpty(), qPrintable(code));
      for (JobKind kind : {JobKind::OpenProject, JobKind::DescribeModel, JobKind::Train, JobKind::ExportImages}) {
        const UserMessage inJob = ErrorText::forJob(kind, {code, QStringLiteral("engine text")});
        QVERIFY2(inJob.title != ErrorText::forCode(QString()).title, qPrintable(code));
      }
    }
  }

  void everyPhotoFindingAndImportFailureHasItsOwnText() {
    const QStringList findings =
        codesIn(QStringLiteral("engine/media/photo_checks.cpp"), QStringLiteral("make\\(Severity::\\w+, \"([a-z-]+)\""));
    QVERIFY2(findings.size() >= 8, "the photo checks' codes were not found in engine/media/photo_checks.cpp");
    const QString unknownFinding = PhotoText::finding({Severity::Warning, QStringLiteral("no-such-code"), {}, {}}, 8).title;
    for (const QString& code : findings)
      for (int photos : {0, 3, 8, 30})
        QVERIFY2(PhotoText::finding({Severity::Warning, code, {}, {}}, photos).title != unknownFinding, qPrintable(code));

    QStringList failures = codesIn(QStringLiteral("engine/media/photo_import.cpp"),
                                   QStringLiteral("case MediaFault::\\w+: return \"([a-z-]+)\""));
    QCOMPARE(failures.size(), 6);
    failures += codesIn(QStringLiteral("engine/workflow/photo_intake.cpp"),
                        QStringLiteral("failure\\(name, \"([a-z-]+)\""));
    failures += storeFaultNames();  // storing a photo can meet any project-file fault
    QVERIFY(failures.contains(QStringLiteral("unreadable")));
    const QString unknown = PhotoText::importFailure(QStringLiteral("no-such-code")).title;
    for (const QString& code : failures) QVERIFY2(PhotoText::importFailure(code).title != unknown, qPrintable(code));
  }

  void outOfMemoryResumesWithTheSettingThatFitsAndKeepsIt() {
    GuiFixture f;
    f.settings->setMemoryPlan(QStringLiteral("16gb"));  // what the first-start check chose
    f.controller->notifySettingsChanged();
    f.state->script.oomStage = 2;
    f.state->script.oomStep = 1;
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QCOMPARE(setup->options().memoryPlan, QStringLiteral("16gb"));
    f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug"), QStringLiteral("fast"), 0, 512, {3, 3, 3}, 100},
                        setup->options());
    QVERIFY(f.waitIdle());
    const Notice n = f.window->learnPage()->messageBar().notice();
    f.state->script.oomStage = 0;
    n.action();  // "Resume with less memory": one step below the setting that ran out
    QCOMPARE(f.settings->memoryPlan(), QStringLiteral("12gb"));
    QCOMPARE(setup->options().memoryPlan, QStringLiteral("12gb"));  // and for the next product
    QVERIFY(f.waitIdle());
    QVERIFY(f.controller->product()->trained);
  }

  void outOfMemoryWithTheAutomaticSettingTakesTheOneTheEngineNames() {
    GuiFixture f;
    f.state->script.oomStage = 1;
    f.state->script.oomStep = 1;
    f.state->script.oomMessage =  // as engine/ml/train/trainer.cpp words it
        "the GPU ran out of memory during a training step with the \"12gb\" memory setting; the next smaller memory "
        "setting is \"8gb\" (or close other programs using the GPU). Training can resume from its last checkpoint.";
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    LearnSetupPanel* setup = f.window->learnPage()->setupPanel();
    QCOMPARE(setup->options().memoryPlan, QString());  // automatic
    f.controller->train({QStringLiteral("Blue mug"), QStringLiteral("mug"), QStringLiteral("fast"), 0, 512, {3, 3, 3}, 100},
                        setup->options());
    QVERIFY(f.waitIdle());
    const Notice n = f.window->learnPage()->messageBar().notice();
    QVERIFY(n.action);
    f.state->script.oomStage = 0;
    n.action();
    QCOMPARE(f.settings->memoryPlan(), QStringLiteral("8gb"));
    QVERIFY(f.waitIdle());
  }

  void aMissingModelOffersToChooseIt() {
    GuiFixture f;
    FakeProject p = photosProject(f.path(QStringLiteral("p.rashisa")), f.path(QStringLiteral("moved-model")));
    p.snapshot.model.reset();
    p.snapshot.modelProblem = QStringLiteral("no model at moved-model");
    p.snapshot.modelProblemCode = QStringLiteral("file-not-found");
    f.openFakeProject(p);
    const Notice n = f.window->learnPage()->messageBar().notice();
    QCOMPARE(n.title, QStringLiteral("The project's base model cannot be used now."));
    QCOMPARE(n.actionText, QStringLiteral("Choose a model file…"));
    QCOMPARE(n.secondText, QStringLiteral("Choose a model folder…"));
    f.dialogs.model = f.modelPath;
    n.second();
    QVERIFY(f.waitIdle());
    QCOMPARE(f.controller->project().modelPath, f.modelPath);
    QVERIFY(f.controller->project().model);

    f.state->script.failNext = QStringLiteral("train");
    f.state->script.failCode = QStringLiteral("model-mismatch");
    shortSteps(f.window->learnPage()->setupPanel());
    f.window->learnPage()->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    const Notice replaced = f.window->learnPage()->messageBar().notice();
    QCOMPARE(replaced.title, QStringLiteral("The base model is not the one this project was made with."));
    QCOMPARE(replaced.actionText, QStringLiteral("Choose a model file…"));
  }

  void aFullDiskSaysHowMuchSpaceIsNeededAndWhere() {
    GuiFixture f;
    f.state->script.spaceNeeded = qint64(12) << 30;  // the Learn page's estimate for this product
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    QVERIFY(f.waitIdle());
    f.state->script.failNext = QStringLiteral("train");
    f.state->script.failCode = QStringLiteral("disk-full");
    shortSteps(f.window->learnPage()->setupPanel());
    f.window->learnPage()->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    const Notice n = f.window->learnPage()->messageBar().notice();
    QCOMPARE(n.title, QStringLiteral("The disk is full."));
    QVERIFY2(n.text.startsWith(QStringLiteral("Rashisa needs about 12.0 GB free at %1, and ")
                                   .arg(QDir::toNativeSeparators(f.dir.path()))),
             qPrintable(n.text));
    QVERIFY(n.text.contains(QStringLiteral("is free now")));
    QVERIFY(n.details.contains(QStringLiteral("code: disk-full")));

    // Exports: the export folder, and the space for images.
    f.openFakeProject(catalogueProject(f.path(QStringLiteral("c.rashisa")), f.modelPath));
    f.state->script.failNext = QStringLiteral("exportImages");
    ExportSettings e;
    e.folder = f.path(QStringLiteral("exports"));
    f.controller->exportImages(e);
    QVERIFY(f.waitIdle());
    const Notice exportNotice = f.window->page(PageId::Export)->messageBar().notice();
    QVERIFY2(exportNotice.text.startsWith(QStringLiteral("Rashisa needs about 1.0 GB free at %1")
                                              .arg(QDir::toNativeSeparators(e.folder))),
             qPrintable(exportNotice.text));
  }

  void copyDetailsCarryTheJobsAndTheLogsEnd() {
    GuiFixture f;
    LogFile log(f.path(QStringLiteral("logs/rashisa.log")));
    LogFile::install(&log);
    f.openFakeProject(photosProject(f.path(QStringLiteral("p.rashisa")), f.modelPath));
    qWarning("a warning before the failure");
    f.state->script.failNext = QStringLiteral("train");
    f.window->learnPage()->setupPanel()->startButton()->click();
    QVERIFY(f.waitIdle());
    const QString details = f.window->learnPage()->messageBar().notice().details;
    LogFile::install(nullptr);
    QVERIFY(details.contains(QStringLiteral("code: internal")));
    QVERIFY(details.contains(QStringLiteral("last jobs:")));
    QVERIFY(details.contains(QStringLiteral("log file: ") + QDir::toNativeSeparators(log.path())));
    QVERIFY(details.contains(QStringLiteral("[warning] a warning before the failure")));
    QVERIFY(details.contains(QStringLiteral("started kind")));
    // The job log is in the file too, with how the job ended.
    QVERIFY(log.tail(100).join(QLatin1Char('\n')).contains(QStringLiteral("failed: internal")));
  }

  void theLogRotatesAndKeepsThreeFiles() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("logs/rashisa.log"));
    LogFile log(path, 2000, 3);
    for (int i = 0; i < 300; ++i) log.write(QStringLiteral("line %1 ").arg(i, 4, 10, QLatin1Char('0')) + QString(40, QLatin1Char('x')));
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".1")));
    QVERIFY(QFile::exists(path + QStringLiteral(".2")));
    QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
    for (const QString& file : {path, path + QStringLiteral(".1"), path + QStringLiteral(".2")})
      QVERIFY2(QFileInfo(file).size() <= 2000, qPrintable(file));
    const QStringList tail = log.tail(40);  // more than the newest file holds: the older one too
    QCOMPARE(tail.size(), 40);
    QVERIFY(tail.last().contains(QStringLiteral("line 0299")));
    QVERIFY(tail.first().contains(QStringLiteral("line 0260")));
    // A log that was full when the program started rotates before the first new line.
    LogFile reopened(path, 2000, 3);
    reopened.write(QStringLiteral("after restart"));
    QVERIFY(reopened.tail(1).first().endsWith(QStringLiteral("after restart")));
  }

  void qtMessagesFromAnyThreadGoToTheLog() {
    QTemporaryDir dir;
    LogFile log(dir.filePath(QStringLiteral("rashisa.log")));
    LogFile::install(&log);
    qInfo("from the window");
    QThread* worker = QThread::create([] { qWarning("from a worker"); });
    worker->start();
    worker->wait();
    delete worker;
    LogFile::install(nullptr);
    qInfo("after the log was removed");
    const QString text = log.tail(10).join(QLatin1Char('\n'));
    QVERIFY(text.contains(QStringLiteral("[info] from the window")));
    QVERIFY(text.contains(QStringLiteral("[warning] from a worker")));
    QVERIFY(!text.contains(QStringLiteral("after the log was removed")));
  }

  void theAboutBoxNamesTheLogFile() {
    GuiFixture f;
    LogFile log(f.path(QStringLiteral("logs/rashisa.log")));
    LogFile::install(&log);
    const QString about = f.window->aboutText();
    LogFile::install(nullptr);
    QVERIFY(about.contains(QDir::toNativeSeparators(log.path()).toHtmlEscaped()));
    QVERIFY(f.window->aboutText().contains(QStringLiteral("rashisa.log")));  // the default place without one
  }
};

RASHISA_GUI_TEST_MAIN(TestErrorsAndLog)
#include "test_errors_and_log.moc"
