// The item models under QAbstractItemModelTester, and the small pure pieces the pages use:
// categories, durations, the heat-map colours.
#include "tests/gui/fake_engine.h"
#include "tests/gui/gui_test_main.h"
#include "ui/models/photo_list_model.h"
#include "ui/models/preview_list_model.h"
#include "ui/models/recent_projects_model.h"
#include "ui/text/categories.h"
#include "ui/text/format.h"
#include "ui/widgets/heatmap.h"
#include "ui/widgets/loss_chart.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rashisa::testing;
using namespace rashisa::ui;

namespace {

Photo photo(qint64 id, const QString& name) {
  Photo p;
  p.id = id;
  p.fileName = name;
  p.width = 800;
  p.height = 600;
  p.thumbnail = FakeEngine::photo(static_cast<int>(id), 48);
  return p;
}

}  // namespace

class TestModels : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void photoModelKeepsRowsOfPhotosThatStay() {
    PhotoListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPhotos({photo(1, QStringLiteral("a.jpg")), photo(2, QStringLiteral("b.jpg"))}, {});
    QCOMPARE(model.rowCount(), 2);
    QPersistentModelIndex b = model.index(1);
    const PhotoFinding blur{Severity::Warning, QStringLiteral("blurry"), {2}, {}};
    const PhotoFinding few{Severity::Error, QStringLiteral("too-few-photos"), {}, {}};
    model.setPhotos({photo(2, QStringLiteral("b.jpg")), photo(3, QStringLiteral("c.jpg"))}, {blur, few});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(b.isValid());
    QCOMPARE(b.row(), 0);
    QCOMPARE(b.data(PhotoListModel::SeverityRole).toInt(), static_cast<int>(Severity::Warning));
    QCOMPARE(b.data(PhotoListModel::FindingsRole).toStringList(), QStringList{QStringLiteral("blurry")});
    QCOMPARE(model.index(1).data(PhotoListModel::SeverityRole).toInt(), -1);
    QCOMPARE(model.idAt(1), 3);
    QCOMPARE(model.rowOf(1), -1);
    model.setPhotos({}, {});
    QCOMPARE(model.rowCount(), 0);
  }

  void previewModelAddsReplacesAndSwitchesHeat() {
    PreviewListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addPreview({1, 60, 1, FakeEngine::photo(1, 32), FakeEngine::heat(1, 16)});
    model.addPreview({1, 60, 2, FakeEngine::photo(2, 32), FakeEngine::heat(2, 16)});
    model.addPreview({1, 60, 1, FakeEngine::photo(3, 32), FakeEngine::heat(3, 16)});  // same point: replaced
    QCOMPARE(model.rowCount(), 2);
    const QPixmap heat = model.index(0).data(Qt::DecorationRole).value<QPixmap>();
    model.setShowHeat(false);
    QVERIFY(model.index(0).data(Qt::DecorationRole).value<QPixmap>().toImage() != heat.toImage());
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Stage 1 · step 60"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void recentModelFlagsMissingFiles() {
    RecentProjectsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RecentProject here{QCoreApplication::applicationFilePath(), QStringLiteral("here"), 2, 1, QDateTime::currentDateTimeUtc(), {}};
    RecentProject gone{QStringLiteral("/nowhere/x.rashisa"), QStringLiteral("gone"), 0, 0, QDateTime::currentDateTimeUtc(), {}};
    model.setProjects({here, gone});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(!model.index(0).data(RecentProjectsModel::MissingRole).toBool());
    QVERIFY(model.index(1).data(RecentProjectsModel::MissingRole).toBool());
    QVERIFY(model.index(0).data(RecentProjectsModel::SubtitleRole).toString().startsWith(QStringLiteral("2 products trained")));
  }

  void categoriesMapLabelsToWords() {
    QVERIFY(Categories::all().size() >= 40);
    QCOMPARE(Categories::labelOf(QStringLiteral("mug")), QStringLiteral("Mug"));
    QCOMPARE(Categories::display(QStringLiteral("mug")), QStringLiteral("Mug (mug)"));
    QCOMPARE(Categories::normalize(QStringLiteral(" Mug ")), QStringLiteral("mug"));
    QCOMPARE(Categories::normalize(QStringLiteral("Mug (mug)")), QStringLiteral("mug"));
    QCOMPARE(Categories::normalize(QStringLiteral("Kettle")), QStringLiteral("kettle"));
    QSet<QString> words;
    for (const Category& c : Categories::all()) {
      QVERIFY2(!words.contains(c.word), qPrintable(c.word));
      words.insert(c.word);
      QCOMPARE(c.word, c.word.toLower());
      QVERIFY(!c.word.contains(QLatin1Char(' ')));
    }
  }

  void durationsReadNaturally() {
    QCOMPARE(Format::duration(30), QStringLiteral("under a minute"));
    QCOMPARE(Format::duration(60), QStringLiteral("about 1 minute"));
    QCOMPARE(Format::duration(25 * 60), QStringLiteral("about 25 minutes"));
    QCOMPARE(Format::duration(2 * 3600 + 10 * 60), QStringLiteral("about 2 h 10 min"));
    QCOMPARE(Format::duration(3 * 3600), QStringLiteral("about 3 hours"));
    QCOMPARE(Format::duration(5 * 86400), QStringLiteral("about 5 days"));
    QCOMPARE(Format::duration(-1), QStringLiteral("unknown"));
  }

  void heatColoursRiseWithAttention() {
    int last = -1;
    for (int i = 0; i <= 10; ++i) {
      const QRgb c = heatColor(i / 10.0);
      const int brightness = qRed(c) + qGreen(c) + qBlue(c);
      QVERIFY(brightness > last);
      last = brightness;
    }
    const QImage base = FakeEngine::photo(1, 64);
    const QImage hot = heatOverlay(base, FakeEngine::heat(1, 16));
    QCOMPARE(hot.size(), base.size());
    QVERIFY(hot.pixel(32, 32) != base.convertToFormat(QImage::Format_RGB32).pixel(32, 32));
  }

  void lossChartSmoothsPerStage() {
    LossChart chart;
    for (int i = 1; i <= 20; ++i) chart.addPoint(1, i, i % 2 ? 1.0 : 0.0);
    chart.addPoint(2, 1, 5.0);
    chart.addPoint(4, 1, 1.0);  // no such stage: ignored
    QCOMPARE(chart.pointCount(), 21);
    QVERIFY(chart.smoothedLast(1) > 0.2 && chart.smoothedLast(1) < 0.8);
    QCOMPARE(chart.smoothedLast(2), 5.0);
  }
};

RASHISA_GUI_TEST_MAIN(TestModels)
#include "test_models.moc"
