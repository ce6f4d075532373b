// Bad model files in the window: a ModelError from a job reaches the window as its model-fault
// code (not the broad error code), and every model fault has its own message with the
// "choose the model" fix, whatever the job was.
#include "engine/core/error.h"
#include "tests/gui/fake_engine.h"
#include "ui/jobs/job_runner.h"
#include "ui/text/error_text.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace rashisa::ui {

using rashisa::testing::FakeEngine;
using rashisa::testing::FakeState;

class TestModelFaultText : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyModelFaultHasItsOwnMessage() {
    const UserMessage general = ErrorText::forCode(QString());
    QStringList titles;
    for (int f = 0; f <= static_cast<int>(ModelFault::TokenizerMismatch); ++f) {
      const QString code = QString::fromLatin1(model_fault_name(static_cast<ModelFault>(f)));
      QVERIFY2(ErrorText::isKnown(code), qPrintable(code));
      for (JobKind kind : {JobKind::SetModel, JobKind::DescribeModel, JobKind::Train, JobKind::OpenProject}) {
        const UserMessage m = ErrorText::forJob(kind, {code, QStringLiteral("engine text")});
        if (kind == JobKind::OpenProject) continue;  // a project job shows project faults
        QVERIFY2(m.title != general.title && !m.advice.isEmpty(), qPrintable(code));
        QCOMPARE(m.action, FixAction::ChooseModel);
      }
      titles << ErrorText::forCode(code).title;
    }
    titles.removeDuplicates();
    QCOMPARE(titles.size(), static_cast<int>(ModelFault::TokenizerMismatch) + 1);
  }

  void aJobReportsTheModelFaultCode() {
    JobRunner runner(std::make_unique<FakeEngine>(std::make_shared<FakeState>()));
    QSignalSpy failed(&runner, &JobRunner::jobFailed);
    runner.submit(JobKind::SetModel, QStringLiteral("set model"), [](Engine&, JobContext&) -> QVariant {
      throw ModelError(ErrorCode::FileFormat, ModelFault::Truncated, "unet weights cut short");
    });
    QTRY_COMPARE(failed.size(), 1);
    const JobError error = failed.at(0).at(2).value<JobError>();
    QCOMPARE(error.code, QStringLiteral("model-truncated"));
    QCOMPARE(error.message, QStringLiteral("unet weights cut short"));
  }
};

}  // namespace rashisa::ui

QTEST_GUILESS_MAIN(rashisa::ui::TestModelFaultText)
#include "test_model_fault_text.moc"
