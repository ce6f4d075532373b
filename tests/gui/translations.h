#pragma once
// Installs the window's translation for a test: the real Japanese one (embedded .qm and Qt's
// own), or none for English, or a marker that wraps every text in ⟦ ⟧.
#include <QString>
#include <QTranslator>

#include <memory>
#include <vector>

namespace rashisa::testing {

/// Every translate() call returns "⟦source⟧": text that reaches the screen without passing
/// through tr() has no markers.
class MarkerTranslator final : public QTranslator {
 public:
  QString translate(const char* context, const char* sourceText, const char* disambiguation = nullptr,
                    int n = -1) const override;
  bool isEmpty() const override { return false; }
};

class LanguageScope {
 public:
  /// "ja", "en" or "marker".
  explicit LanguageScope(const QString& language);
  ~LanguageScope();
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  std::vector<std::unique_ptr<QTranslator>> translators_;
};

}  // namespace rashisa::testing
