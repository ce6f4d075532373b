#include "tests/gui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QtTest>

namespace rashisa::testing {

QString MarkerTranslator::translate(const char*, const char* sourceText, const char*, int) const {
  if (!sourceText || !*sourceText) return {};
  return QStringLiteral("⟦") + QString::fromUtf8(sourceText) + QStringLiteral("⟧");
}

LanguageScope::LanguageScope(const QString& language) {
  if (language == QLatin1String("marker")) {
    translators_.push_back(std::make_unique<MarkerTranslator>());
  } else if (language == QLatin1String("ja")) {
    QLocale::setDefault(QLocale(QLocale::Japanese, QLocale::Japan));
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/rashisa_ja.qm"))) qFatal("the embedded Japanese translation is missing");
    translators_.push_back(std::move(own));
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(QLocale::Japanese), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      translators_.push_back(std::move(qt));
  } else {
    auto plurals = std::make_unique<QTranslator>();
    if (!plurals->load(QStringLiteral(":/i18n/rashisa_en.qm"))) qFatal("the embedded English plural forms are missing");
    translators_.push_back(std::move(plurals));
  }
  if (language != QLatin1String("ja")) QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  for (auto& t : translators_) QCoreApplication::installTranslator(t.get());
}

LanguageScope::~LanguageScope() {
  for (auto& t : translators_) QCoreApplication::removeTranslator(t.get());
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

}  // namespace rashisa::testing
