// FakeEngine: export. File names from the pattern (checked as the real engine checks them),
// every file checked before the first is written, a few text fields standing in for the real
// labels (the AI label, seed and settings always; the prompt only when asked), and the real PDF
// contact sheet (ui/export/contact_sheet_pdf).
#include "engine/core/error.h"
#include "tests/gui/fake_engine.h"
#include "ui/export/contact_sheet_pdf.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace rashisa::testing {

namespace {

[[noreturn]] void fail(ErrorCode code, const QString& message) { throw Error(code, message.toStdString()); }

const QStringList kPlaceholders = {QStringLiteral("product"), QStringLiteral("template"), QStringLiteral("image"),
                                   QStringLiteral("seed"),    QStringLiteral("job"),      QStringLiteral("date"),
                                   QStringLiteral("index")};
const QString kForbidden = QStringLiteral("/\\:*?\"<>|");

void checkPattern(const QString& pattern) {
  if (pattern.trimmed().isEmpty()) fail(ErrorCode::InvalidArgument, QStringLiteral("the file-name pattern is empty"));
  static const QRegularExpression token(QStringLiteral("\\{([^{}]*)\\}"));
  QString literal = pattern;
  for (auto it = token.globalMatch(pattern); it.hasNext();) {
    const auto m = it.next();
    if (!kPlaceholders.contains(m.captured(1)))
      fail(ErrorCode::InvalidArgument, QStringLiteral("unknown placeholder %1 in the file-name pattern").arg(m.captured(0)));
    literal.remove(m.captured(0));
  }
  if (literal.contains(QLatin1Char('{')) || literal.contains(QLatin1Char('}')))
    fail(ErrorCode::InvalidArgument, QStringLiteral("unbalanced braces in the file-name pattern"));
  for (const QChar c : literal)
    if (kForbidden.contains(c) || c.unicode() < 0x20)
      fail(ErrorCode::InvalidArgument, QStringLiteral("the file-name pattern contains '%1', not allowed in file names").arg(c));
}

QString safe(QString value) {
  for (QChar& c : value)
    if (kForbidden.contains(c) || c.unicode() < 0x20) c = QLatin1Char('_');
  return value;
}

/// The file names of `chosen` in order; throws like the real engine for a bad pattern or names
/// that repeat.
QStringList fileNames(const QList<ImageItem>& chosen, const ExportSettings& settings) {
  checkPattern(settings.pattern);
  const int width = static_cast<int>(QString::number(chosen.size()).size());
  QStringList out;
  QSet<QString> seen;
  for (int k = 0; k < chosen.size(); ++k) {
    const ImageItem& i = chosen[k];
    const QString date = i.createdAt.isEmpty() ? QDate::currentDate().toString(Qt::ISODate) : i.createdAt.left(10);
    QString name = settings.pattern;
    name.replace(QStringLiteral("{product}"), safe(i.productName))
        .replace(QStringLiteral("{template}"), safe(i.templateKey))
        .replace(QStringLiteral("{image}"), QString::number(i.id))
        .replace(QStringLiteral("{seed}"), QString::number(i.seed))
        .replace(QStringLiteral("{job}"), QString::number(i.jobId))
        .replace(QStringLiteral("{date}"), date)
        .replace(QStringLiteral("{index}"), QStringLiteral("%1").arg(k + 1, width, 10, QLatin1Char('0')));
    name += settings.jpeg ? QStringLiteral(".jpg") : QStringLiteral(".png");
    if (seen.contains(name))
      fail(ErrorCode::InvalidArgument, QStringLiteral("two images would get the same file name %1; add {image} or {index}").arg(name));
    seen.insert(name);
    out.push_back(name);
  }
  return out;
}

QString templateLabel(const ProjectSnapshot& s, const ImageItem& image) {
  const bool japanese = QLocale().language() == QLocale::Japanese;
  for (const TemplateItem& t : s.templates)
    if (t.id == image.templateId) return japanese && !t.labelJa.isEmpty() ? t.labelJa : t.labelEn;
  return image.templateLabel;
}

}  // namespace

ExportResult FakeEngine::exportImages(const ExportSettings& settings, JobContext& context) {
  record("exportImages");
  QList<ImageItem> chosen;
  QString projectName;
  {
    QMutexLocker lock(&state_->mutex);
    const ProjectSnapshot& s = open().snapshot;
    projectName = QFileInfo(s.path).completeBaseName();
    for (ImageItem i : s.images)
      if (settings.imageIds.isEmpty() ? i.review == ReviewState::Approved : settings.imageIds.contains(i.id)) {
        i.templateLabel = templateLabel(s, i);
        chosen.push_back(i);
      }
  }
  if (chosen.isEmpty()) fail(ErrorCode::InvalidArgument, QStringLiteral("there are no approved images to export"));
  const QStringList names = fileNames(chosen, settings);
  const QDir dir(settings.folder);
  if (!dir.exists()) fail(ErrorCode::FileWrite, QStringLiteral("the export folder %1 does not exist").arg(settings.folder));
  for (const QString& name : names)
    if (!settings.overwrite && QFileInfo::exists(dir.filePath(name)))
      fail(ErrorCode::FileWrite, QStringLiteral("%1 already exists; choose another folder or allow overwriting")
                                     .arg(dir.filePath(name)));
  ExportResult result;
  result.folder = settings.folder;
  QList<ContactSheetEntry> entries;
  for (int k = 0; k < chosen.size(); ++k) {
    context.report({QStringLiteral("export"), k + 1, chosen.size()});
    const ImageItem& i = chosen[k];
    QImage image = photo(static_cast<int>(i.id), 64);
    image.setText(QStringLiteral("DigitalSourceType"),
                  QStringLiteral("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"));
    image.setText(QStringLiteral("Seed"), QString::number(i.seed));
    image.setText(QStringLiteral("Settings"), QStringLiteral("%1 steps, %2, CFG %3").arg(i.steps).arg(i.sampler).arg(i.guidance));
    image.setText(QStringLiteral("ModelHash"), i.baseModelHash.isEmpty() ? QStringLiteral("0123456789") : i.baseModelHash);
    if (settings.includePrompts) image.setText(QStringLiteral("Prompt"), i.prompt);
    const QString file = dir.filePath(names[k]);
    if (!image.save(file, settings.jpeg ? "JPG" : "PNG", settings.jpeg ? settings.quality : -1))
      fail(ErrorCode::FileWrite, QStringLiteral("cannot write %1").arg(file));
    result.files.push_back(file);
    entries.push_back({image, contactSheetCaption(i, names[k])});
    QMutexLocker lock(&state_->mutex);
    open().exported[i.id].push_back(file);
  }
  if (settings.contactSheet) {
    result.contactSheet = dir.filePath(QLatin1String(kContactSheetFileName));
    writeContactSheet(result.contactSheet, contactSheetTitle(projectName, QDateTime::currentDateTime()), entries);
  }
  return result;
}

QStringList FakeEngine::exportNames(const ExportSettings& settings, int max) {
  record("exportNames");
  QList<ImageItem> chosen;
  {
    QMutexLocker lock(&state_->mutex);
    for (const ImageItem& i : open().snapshot.images)
      if (settings.imageIds.isEmpty() ? i.review == ReviewState::Approved : settings.imageIds.contains(i.id))
        chosen.push_back(i);
  }
  return fileNames(chosen, settings).mid(0, max);
}

}  // namespace rashisa::testing
