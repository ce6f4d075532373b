#pragma once
// Which language the window speaks, and the translators that make it do so.
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>
#include <vector>

namespace rashisa::ui {

/// The value of --lang in `arguments` ("" when not given).
QString languageArgument(const QStringList& arguments);
/// --lang, else the setting, else the system: "ja" on a Japanese system, "en" otherwise.
QString chooseLanguage(const QString& argument, const QString& setting);

/// Rashisa's own translation (embedded) and Qt's for its standard dialogs.
class Translators {
 public:
  Translators() = default;
  ~Translators();
  Translators(const Translators&) = delete;
  Translators& operator=(const Translators&) = delete;
  /// Installs the translators for `language` ("en": none needed). False if Rashisa's own
  /// translation is missing.
  bool install(const QString& language);

 private:
  std::vector<std::unique_ptr<QTranslator>> installed_;
};

}  // namespace rashisa::ui
