// The job runner: one worker thread, one job at a time in order, queued signals on the GUI
// thread, cancel through the CancelToken, pause between steps, failures as codes, and a
// destructor that cancels and waits. Plus the ETA's step rate.
#include "engine/core/error.h"
#include "engine/core/progress.h"
#include "tests/gui/fake_engine.h"
#include "ui/jobs/job_runner.h"
#include "ui/jobs/step_rate.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>

using namespace rashisa;
using namespace rashisa::ui;
using rashisa::testing::FakeEngine;
using rashisa::testing::FakeState;

class TestJobRunner : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<JobRunner> makeRunner(std::shared_ptr<FakeState> state = std::make_shared<FakeState>()) {
    return std::make_unique<JobRunner>(std::make_unique<FakeEngine>(std::move(state)));
  }

 private Q_SLOTS:
  void runsJobsInOrderOnTheWorkerThread() {
    auto runner = makeRunner();
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    QList<QThread*> threads;
    QMutex m;
    QList<int> order;
    for (int i = 0; i < 3; ++i)
      runner->submit(JobKind::Refresh, QStringLiteral("job"), [&, i](Engine&, JobContext&) {
        QMutexLocker lock(&m);
        threads.push_back(QThread::currentThread());
        order.push_back(i);
        return QVariant(i * 10);
      });
    QTRY_COMPARE(finished.size(), 3);
    QCOMPARE(order, (QList<int>{0, 1, 2}));
    for (QThread* t : threads) {
      QVERIFY(t != QThread::currentThread());
      QCOMPARE(t, threads.front());
    }
    QCOMPARE(finished.at(2).at(2).toInt(), 20);
  }

  void progressArrivesOnTheGuiThread() {
    auto runner = makeRunner();
    QList<QThread*> receivedOn;
    connect(runner.get(), &JobRunner::progress, this, [&](int, const JobProgress&) {
      receivedOn.push_back(QThread::currentThread());
    });
    QSignalSpy idle(runner.get(), &JobRunner::idle);
    runner->submit(JobKind::ImportPhotos, QStringLiteral("import"), [](Engine&, JobContext& c) {
      for (int i = 1; i <= 5; ++i) c.report({QStringLiteral("import"), i, 5});
      return QVariant();
    });
    QTRY_COMPARE(idle.size(), 1);
    QCOMPARE(receivedOn.size(), 5);
    for (QThread* t : receivedOn) QCOMPARE(t, QThread::currentThread());
  }

  void failuresCarryTheEngineCode() {
    auto runner = makeRunner();
    QSignalSpy failed(runner.get(), &JobRunner::jobFailed);
    runner->submit(JobKind::Train, QStringLiteral("train"), [](Engine&, JobContext&) -> QVariant {
      throw Error(ErrorCode::OutOfMemory, "no memory");
    });
    runner->submit(JobKind::Refresh, QStringLiteral("odd"), [](Engine&, JobContext&) -> QVariant {
      throw std::runtime_error("boom");
    });
    QTRY_COMPARE(failed.size(), 2);
    QCOMPARE(failed.at(0).at(2).value<JobError>().code, QStringLiteral("out-of-memory"));
    QCOMPARE(failed.at(0).at(2).value<JobError>().message, QStringLiteral("no memory"));
    QCOMPARE(failed.at(1).at(2).value<JobError>().code, QStringLiteral("internal"));
  }

  void cancelStopsTheJobThroughItsToken() {
    auto runner = makeRunner();
    QSignalSpy cancelled(runner.get(), &JobRunner::jobCancelled);
    QSignalSpy started(runner.get(), &JobRunner::jobStarted);
    std::atomic<int> steps{0};
    runner->submit(JobKind::Train, QStringLiteral("long"), [&](Engine&, JobContext& c) -> QVariant {
      for (int i = 0; i < 100000; ++i) {
        check_cancel(c.cancelToken());
        ++steps;
        QThread::msleep(1);
      }
      return {};
    });
    QTRY_COMPARE(started.size(), 1);
    QTRY_VERIFY(steps > 3);
    runner->cancelCurrent();
    QTRY_COMPARE(cancelled.size(), 1);
    QVERIFY(steps < 100000);
    QVERIFY(!runner->isBusy());
  }

  void pauseHoldsBetweenStepsUntilResumed() {
    auto runner = makeRunner();
    std::atomic<int> steps{0};
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    QSignalSpy paused(runner.get(), &JobRunner::pausedChanged);
    runner->submit(
        JobKind::Train, QStringLiteral("pausable"),
        [&](Engine&, JobContext& c) -> QVariant {
          for (int i = 0; i < 200; ++i) {
            if (!c.proceed()) return QStringLiteral("stopped");
            ++steps;
            QThread::msleep(1);
          }
          return QStringLiteral("done");
        },
        true);
    QTRY_VERIFY(steps > 2);
    runner->pause();
    QCOMPARE(paused.size(), 1);
    QTest::qWait(50);
    const int held = steps;
    QTest::qWait(100);
    QVERIFY2(steps - held <= 1, "the job went on while paused");
    QVERIFY(runner->isBusy());
    runner->resume();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("done"));
    QCOMPARE(steps.load(), 200);
  }

  void cancelWakesAPausedJob() {
    auto runner = makeRunner();
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    std::atomic<bool> began{false};
    runner->submit(
        JobKind::Train, QStringLiteral("pausable"),
        [&](Engine&, JobContext& c) -> QVariant {
          began = true;
          while (c.proceed()) QThread::msleep(1);
          return QStringLiteral("stopped");
        },
        true);
    QTRY_VERIFY(began.load());
    runner->pause();
    QTest::qWait(20);
    runner->cancelCurrent();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(2).toString(), QStringLiteral("stopped"));
  }

  void cancelAllDropsTheQueue() {
    auto runner = makeRunner();
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    QSignalSpy cancelled(runner.get(), &JobRunner::jobCancelled);
    std::atomic<bool> began{false};
    runner->submit(JobKind::Train, QStringLiteral("first"), [&](Engine&, JobContext& c) -> QVariant {
      began = true;
      for (;;) {
        check_cancel(c.cancelToken());
        QThread::msleep(1);
      }
    });
    for (int i = 0; i < 3; ++i)
      runner->submit(JobKind::Refresh, QStringLiteral("queued"), [](Engine&, JobContext&) { return QVariant(1); });
    QTRY_VERIFY(began.load());
    runner->cancelAll();
    QVERIFY(runner->waitForIdle(5000));
    QTest::qWait(20);
    QCOMPARE(cancelled.size(), 1);
    QCOMPARE(finished.size(), 0);
  }

  void destructorCancelsAndWaits() {
    auto state = std::make_shared<FakeState>();
    std::atomic<bool> began{false}, ended{false};
    {
      auto runner = makeRunner(state);
      runner->submit(JobKind::Train, QStringLiteral("long"), [&](Engine&, JobContext& c) -> QVariant {
        began = true;
        while (!c.cancelToken()->cancelled()) QThread::msleep(1);
        ended = true;
        return {};
      });
      QTRY_VERIFY(began.load());
    }
    QVERIFY(ended.load());
  }

  void engineCallsRunOnlyOnTheWorker() {
    auto state = std::make_shared<FakeState>();
    auto runner = makeRunner(state);
    QSignalSpy idle(runner.get(), &JobRunner::idle);
    runner->submit(JobKind::ProbeDevice, QStringLiteral("probe"), [](Engine& e, JobContext&) {
      return QVariant::fromValue(e.probeDevice());
    });
    QTRY_COMPARE(idle.size(), 1);
    QCOMPARE(state->callsOn(QThread::currentThread()), 0);
    QCOMPARE(state->callNames(), QStringList{QStringLiteral("probeDevice")});
  }

  void quickJobsRunBetweenTheStepsOfALongJob() {
    auto runner = makeRunner();
    std::atomic<bool> longStarted{false}, quickRan{false}, longDone{false};
    std::atomic<int> stepsWhenQuickRan{-1};
    std::atomic<int> steps{0};
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    runner->submit(
        JobKind::Train, QStringLiteral("long"),
        [&](Engine&, JobContext& c) -> QVariant {
          longStarted = true;
          while (!quickRan && steps < 5000) {
            if (!c.proceed()) break;
            ++steps;
            QThread::msleep(1);
          }
          longDone = true;
          return {};
        },
        true);
    QTRY_VERIFY(longStarted.load());
    QThread* quickThread = nullptr;
    runner->submitQuick(JobKind::Review, QStringLiteral("quick"), [&](Engine&, JobContext&) {
      quickThread = QThread::currentThread();
      stepsWhenQuickRan = steps.load();
      quickRan = true;
      return QVariant(7);
    });
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY(quickRan.load());
    QVERIFY2(stepsWhenQuickRan.load() >= 0 && steps < 5000, "the quick job waited for the long one");
    QVERIFY(quickThread != QThread::currentThread());
    QCOMPARE(finished.at(0).at(2).toInt(), 7);  // the quick one finished first
    QCOMPARE(runner->activeJob().has_value(), false);
  }

  void quickJobsRunWhileALongJobIsPaused() {
    auto runner = makeRunner();
    std::atomic<bool> began{false};
    QSignalSpy finished(runner.get(), &JobRunner::jobFinished);
    runner->submit(
        JobKind::Train, QStringLiteral("pausable"),
        [&](Engine&, JobContext& c) -> QVariant {
          began = true;
          while (c.proceed()) QThread::msleep(1);
          return QStringLiteral("stopped");
        },
        true);
    QTRY_VERIFY(began.load());
    runner->pause();
    QTest::qWait(20);
    runner->submitQuick(JobKind::Refresh, QStringLiteral("quick"), [](Engine&, JobContext&) { return QVariant(1); });
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(runner->isBusy());
    QVERIFY(runner->isPaused());
    runner->cancelCurrent();
    QTRY_COMPARE(finished.size(), 2);
    QTRY_VERIFY(!runner->isBusy());
  }

  void stepRateLeavesPausesOut() {
    StepRate rate;
    rate.restart(0, 0.0);
    QVERIFY(!rate.secondsPerStep());
    rate.update(1, 5.0);  // a slow first step (warm-up) ...
    rate.update(2, 6.0);  // ... is replaced by the second
    QCOMPARE(*rate.secondsPerStep(), 1.0);
    rate.pauseBegan(6.5);
    rate.pauseEnded(106.5);  // 100 s paused
    rate.update(3, 107.0);   // 1 s of work
    QVERIFY(std::abs(*rate.secondsPerStep() - 1.0) < 1e-9);
    QVERIFY(std::abs(*rate.secondsFor(10) - 10.0) < 1e-9);
    for (int i = 4; i < 40; ++i) rate.update(i, 107.0 + 2.0 * (i - 3));  // slows down to 2 s/step
    QVERIFY(*rate.secondsPerStep() > 1.9);
  }
};

QTEST_MAIN(TestJobRunner)
#include "test_job_runner.moc"
