#include "ui/export/contact_sheet_pdf.h"

#include "engine/core/error.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace rashisa::ui {

namespace {

constexpr int kColumns = 4;
constexpr int kResolution = 200;       // dots per inch of the page's coordinates
constexpr qreal kMarginMm = 12.0;
constexpr qreal kGapMm = 4.0;
constexpr qreal kTitlePt = 13.0;
constexpr qreal kCaptionPt = 7.0;
constexpr qreal kFooterPt = 7.5;

qreal mm(qreal millimetres) { return millimetres / 25.4 * kResolution; }

/// Where everything sits on a page, in the writer's device pixels.
struct SheetGeometry {
  QRectF page;        // the printable area (inside the margins), origin at 0,0
  qreal titleHeight;  // title line and the rule under it
  qreal footerHeight;
  qreal cell;         // image square
  qreal captionLine;  // height of one caption line
  int captionLines;
  int rows;

  qreal rowHeight() const { return cell + captionLines * captionLine + mm(kGapMm); }
  int perPage() const { return rows * kColumns; }
  QRectF imageRect(int slot) const {
    const int row = slot / kColumns, column = slot % kColumns;
    const qreal x = column * (cell + mm(kGapMm));
    const qreal y = titleHeight + row * rowHeight();
    return {x, y, cell, cell};
  }
};

SheetGeometry geometryFor(QPdfWriter& writer, int captionLines) {
  SheetGeometry g{};
  g.page = QRectF(0, 0, writer.width(), writer.height());
  g.titleHeight = QFontMetricsF(captionFont(kTitlePt), &writer).height() * 1.6 + mm(3);
  g.footerHeight = QFontMetricsF(captionFont(kFooterPt), &writer).height() * 1.5;
  g.cell = (g.page.width() - (kColumns - 1) * mm(kGapMm)) / kColumns;
  g.captionLine = QFontMetricsF(captionFont(kCaptionPt), &writer).lineSpacing();
  g.captionLines = std::max(1, captionLines);
  const qreal available = g.page.height() - g.titleHeight - g.footerHeight;
  g.rows = std::max(1, static_cast<int>(available / g.rowHeight()));
  return g;
}

void drawHeader(QPainter& p, const SheetGeometry& g, const QString& title, int count) {
  QFont font = captionFont(kTitlePt);
  font.setBold(true);
  p.setFont(font);
  p.setPen(Qt::black);
  const QFontMetricsF metrics(font, p.device());
  const QString countText = ContactSheetText::tr("%n image(s)", nullptr, count);
  QFont small = captionFont(kCaptionPt + 1);
  const qreal countWidth = QFontMetricsF(small, p.device()).horizontalAdvance(countText) + mm(4);
  const QRectF titleRect(0, 0, g.page.width() - countWidth, metrics.height() * 1.4);
  p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(title, Qt::ElideRight, titleRect.width()));
  p.setFont(small);
  p.setPen(QColor(0x5a, 0x65, 0x70));
  p.drawText(QRectF(0, 0, g.page.width(), titleRect.height()), Qt::AlignRight | Qt::AlignVCenter, countText);
  p.setPen(QPen(QColor(0xb8, 0xc2, 0xcc), mm(0.3)));
  const qreal ruleY = titleRect.height() + mm(1);
  p.drawLine(QPointF(0, ruleY), QPointF(g.page.width(), ruleY));
}

void drawFooter(QPainter& p, const SheetGeometry& g, int page, int pages) {
  p.setFont(captionFont(kFooterPt));
  p.setPen(QColor(0x5a, 0x65, 0x70));
  const QRectF footer(0, g.page.height() - g.footerHeight, g.page.width(), g.footerHeight);
  p.drawText(footer, Qt::AlignRight | Qt::AlignBottom, ContactSheetText::pageNumber(page, pages));
}

void drawEntry(QPainter& p, const SheetGeometry& g, int slot, const ContactSheetEntry& entry) {
  const QRectF box = g.imageRect(slot);
  p.fillRect(box, QColor(0xf2, 0xf4, 0xf6));
  if (!entry.image.isNull()) {
    // Scaled here to the cell's pixels: the PDF stays small however large the images are.
    const QSize target = box.size().toSize();
    const QImage scaled = entry.image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QPointF at(box.x() + (box.width() - scaled.width()) / 2.0, box.y() + (box.height() - scaled.height()) / 2.0);
    p.drawImage(at, scaled);
  }
  const QFont font = captionFont(kCaptionPt);
  p.setFont(font);
  const QFontMetricsF metrics(font, p.device());
  qreal y = box.bottom() + g.captionLine * 0.15;
  for (int k = 0; k < entry.captionLines.size() && k < g.captionLines; ++k) {
    p.setPen(k == 0 ? Qt::black : QColor(0x3a, 0x44, 0x4e));
    // The first line is a file name: keep its end (the number and extension) visible.
    const Qt::TextElideMode mode = k == 0 ? Qt::ElideMiddle : Qt::ElideRight;
    const QString text = metrics.elidedText(entry.captionLines[k], mode, box.width());
    p.drawText(QRectF(box.x(), y, box.width(), g.captionLine), Qt::AlignLeft | Qt::AlignVCenter, text);
    y += g.captionLine;
  }
}

}  // namespace

QFont captionFont(qreal pointSize) {
  QFont font;
  font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"), QStringLiteral("Segoe UI"),
                    QStringLiteral("Helvetica Neue"), QStringLiteral("Arial"), QStringLiteral("Noto Sans CJK JP"),
                    QStringLiteral("Source Han Sans JP"), QStringLiteral("Yu Gothic"), QStringLiteral("Meiryo"),
                    QStringLiteral("Hiragino Sans"), QStringLiteral("IPAexGothic"), QStringLiteral("IPAGothic"),
                    QStringLiteral("VL Gothic"), QStringLiteral("TakaoGothic")});
  font.setStyleHint(QFont::SansSerif);
  font.setPointSizeF(pointSize);
  return font;
}

QString ContactSheetText::reviewState(ReviewState state) {
  switch (state) {
    case ReviewState::Approved: return tr("Approved");
    case ReviewState::Rejected: return tr("Rejected");
    case ReviewState::New: break;
  }
  return tr("Not reviewed");
}

QString ContactSheetText::pageNumber(int page, int pages) { return tr("Page %1 of %2").arg(page).arg(pages); }

QStringList contactSheetCaption(const ImageItem& image, const QString& fileName) {
  const QString template_ = image.templateLabel.isEmpty() ? image.templateKey : image.templateLabel;
  return {fileName, ContactSheetText::tr("%1 · %2", "product · template").arg(image.productName, template_),
          ContactSheetText::tr("No. %1 · seed %2 · %3", "image number, seed, review state")
              .arg(image.id)
              .arg(image.seed)
              .arg(ContactSheetText::reviewState(image.review))};
}

QString contactSheetTitle(const QString& projectName, const QDateTime& when) {
  return ContactSheetText::tr("%1 — contact sheet, %2", "project, date")
      .arg(projectName, QLocale().toString(when, QLocale::ShortFormat));
}

void writeContactSheet(const QString& path, const QString& title, const QList<ContactSheetEntry>& entries) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    throw Error(ErrorCode::FileWrite, "cannot write the contact sheet " + path.toStdString() + ": " +
                                          file.errorString().toStdString());
  {
    QPdfWriter writer(&file);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Rashisa"));
    int lines = 1;
    for (const ContactSheetEntry& e : entries) lines = std::max(lines, static_cast<int>(e.captionLines.size()));
    QPainter painter;
    if (!painter.begin(&writer)) throw Error(ErrorCode::FileWrite, "cannot start the PDF " + path.toStdString());
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const SheetGeometry g = geometryFor(writer, lines);
    const int count = static_cast<int>(entries.size());
    const int pages = std::max(1, (count + g.perPage() - 1) / g.perPage());
    for (int page = 0; page < pages; ++page) {
      if (page > 0) writer.newPage();
      drawHeader(painter, g, title, count);
      for (int slot = 0; slot < g.perPage() && page * g.perPage() + slot < count; ++slot)
        drawEntry(painter, g, slot, entries[page * g.perPage() + slot]);
      drawFooter(painter, g, page + 1, pages);
    }
    painter.end();
  }
  if (!file.commit())
    throw Error(ErrorCode::FileWrite, "cannot write the contact sheet " + path.toStdString() + ": " +
                                          file.errorString().toStdString());
}

}  // namespace rashisa::ui
