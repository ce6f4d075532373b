#pragma once
// The contact sheet of an export: an A4 PDF with a title and a grid of the exported images, each
// captioned in the window's language (file name, product, template, image number, seed, review
// state), for review meetings and for whoever receives the files.
//
// Qt Gui only (QPdfWriter + QPainter, no widgets), so the engine calls it on the job runner's
// worker thread after exporting. Japanese captions need a CJK font: the captions use a Latin
// family first and a CJK family after it (see captionFont()), so Latin text and digits stay
// searchable in the PDF and Japanese falls back to the CJK face.
#include "ui/jobs/catalogue_types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace rashisa::ui {

struct ContactSheetEntry {
  QImage image;
  QStringList captionLines;  // shown under the image, one line each (elided to the cell)
};

/// The file an export writes the contact sheet to, in the export folder.
inline constexpr char kContactSheetFileName[] = "contact-sheet.pdf";

/// Writes the contact sheet to `path` (replacing a file there only with a complete new one).
/// A4 portrait, 4 columns x 5 rows per page, the title and page numbers on every page.
/// Throws rashisa::Error(FileWrite) when the file cannot be written.
void writeContactSheet(const QString& path, const QString& title, const QList<ContactSheetEntry>& entries);

/// The caption of one exported image: its file name, product and template, and
/// "No. <image> · seed <seed> · <review state>", translated.
QStringList contactSheetCaption(const ImageItem& image, const QString& fileName);

/// "<project> — contact sheet, <date and time>", translated.
QString contactSheetTitle(const QString& projectName, const QDateTime& when);

/// The font the sheet draws with: a Latin family first, then a Japanese one (whichever are
/// installed), so both scripts render and stay searchable.
QFont captionFont(qreal pointSize);

/// The translation context of the sheet's texts.
class ContactSheetText {
  Q_DECLARE_TR_FUNCTIONS(ContactSheetText)

 public:
  static QString reviewState(ReviewState state);
  static QString pageNumber(int page, int pages);
};

}  // namespace rashisa::ui
