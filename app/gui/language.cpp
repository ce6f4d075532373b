#include "app/gui/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace rashisa::ui {

QString languageArgument(const QStringList& arguments) {
  for (int i = 1; i < arguments.size(); ++i) {
    const QString& a = arguments[i];
    if (a == QLatin1String("--lang") && i + 1 < arguments.size()) return arguments[i + 1];
    if (a.startsWith(QLatin1String("--lang="))) return a.mid(7);
  }
  return {};
}

QString chooseLanguage(const QString& argument, const QString& setting) {
  for (const QString& l : {argument, setting})
    if (l == QLatin1String("ja") || l == QLatin1String("en")) return l;
  return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja") : QStringLiteral("en");
}

Translators::~Translators() {
  for (auto& t : installed_) QCoreApplication::removeTranslator(t.get());
}

bool Translators::install(const QString& language) {
  if (language != QLatin1String("ja")) {
    // English is the source language; its file holds only the plural forms.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto plurals = std::make_unique<QTranslator>();
    const bool ok = plurals->load(QStringLiteral(":/i18n/rashisa_en.qm"));
    if (ok) {
      QCoreApplication::installTranslator(plurals.get());
      installed_.push_back(std::move(plurals));
    }
    return ok;
  }
  QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
  auto own = std::make_unique<QTranslator>();
  const bool ok = own->load(QStringLiteral(":/i18n/rashisa_ja.qm"));
  if (ok) {
    QCoreApplication::installTranslator(own.get());
    installed_.push_back(std::move(own));
  }
  auto qt = std::make_unique<QTranslator>();
  if (qt->load(QLocale(QLocale::Japanese), QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
    QCoreApplication::installTranslator(qt.get());
    installed_.push_back(std::move(qt));
  }
  return ok;
}

}  // namespace rashisa::ui
