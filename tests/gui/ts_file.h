#pragma once
// Reads a Qt Linguist .ts file (the parts the translation checks need).
#include <QList>
#include <QString>
#include <QStringList>

namespace rashisa::testing {

struct TsMessage {
  QString context;
  QString source;
  bool numerus = false;
  QString type;              // "", "unfinished", "vanished", "obsolete"
  QStringList translations;  // one, or the numerus forms
};

/// Throws std::runtime_error when the file cannot be read or parsed.
QList<TsMessage> readTsFile(const QString& path);

/// The %1..%99 placeholders in `text`, sorted, without duplicates.
QStringList placeholders(const QString& text);

}  // namespace rashisa::testing
