#include "ui/text/export_text.h"

#include <QRegularExpression>
#include <QStringList>

namespace rashisa::ui {

namespace {

// Characters Windows, macOS or Linux refuse in a file name.
const QString kForbidden = QStringLiteral("/\\:*?\"<>|");

}  // namespace

QList<NamePlaceholder> ExportText::placeholders() {
  return {{QStringLiteral("{product}"), tr("Product"), tr("The product's name")},
          {QStringLiteral("{template}"), tr("Template"), tr("The template's short name, such as white-studio")},
          {QStringLiteral("{image}"), tr("Image no."), tr("The image's number in the project (never repeats)")},
          {QStringLiteral("{seed}"), tr("Seed"), tr("The seed the image was made with")},
          {QStringLiteral("{job}"), tr("Batch no."), tr("The number of the batch that made the image")},
          {QStringLiteral("{date}"), tr("Date"), tr("The day the image was made, as 2026-12-01")},
          {QStringLiteral("{index}"), tr("Sequence"), tr("1, 2, 3 … in the order of this export")}};
}

QString ExportText::repeatedNames() {
  return tr("Several images would get the same file name. Add %1 or %2 to the pattern.")
      .arg(QStringLiteral("{image}"), QStringLiteral("{index}"));
}

QString ExportText::patternProblem(const QString& pattern, const QString& engineMessage) {
  Q_UNUSED(engineMessage);
  if (pattern.trimmed().isEmpty())
    return tr("Type a pattern for the file names, for example %1.").arg(QStringLiteral("{product}-{image}"));
  QStringList known;
  for (const NamePlaceholder& p : placeholders()) known << p.token;
  static const QRegularExpression token(QStringLiteral("\\{([^{}]*)\\}"));
  QString literal = pattern;
  for (auto it = token.globalMatch(pattern); it.hasNext();) {
    const QString found = it.next().captured(0);
    if (!known.contains(found))
      return tr("Rashisa does not know the placeholder %1. Insert one with the buttons below.").arg(found);
    literal.remove(found);
  }
  if (literal.contains(QLatin1Char('{')) || literal.contains(QLatin1Char('}')))
    return tr("A brace is not closed. Write placeholders as %1, or insert them with the buttons below.")
        .arg(QStringLiteral("{product}"));
  QString bad;
  for (const QChar c : literal)
    if ((kForbidden.contains(c) || c.unicode() < 0x20) && !bad.contains(c)) bad += c;
  if (!bad.isEmpty()) {
    QStringList shown;
    for (const QChar c : bad) shown << (c.unicode() < 0x20 ? tr("control characters") : QString(c));
    return tr("File names cannot contain %1. Remove it, or use - or _ instead.").arg(shown.join(QLatin1Char(' ')));
  }
  if (!pattern.contains(QLatin1String("{image}")) && !pattern.contains(QLatin1String("{index}"))) return repeatedNames();
  return tr("This pattern cannot be used for file names. Start again from %1.")
      .arg(QStringLiteral("{product}-{template}-{image}"));
}

}  // namespace rashisa::ui
