#pragma once
// The first-start wizard: language, base model, device check. The window shows it when the
// first start has not been done (MainWindow::showFirstStartIfNeeded) and from the Settings
// menu. Leaving it early is fine: every page of the window still works and says what is missing.
// Pattern: OBS frontend/wizards/AutoConfigTestPage.cpp (a hardware test that picks settings).
#include <QWizard>

namespace rashisa::ui {

class AppController;
class DeviceWizardPage;
class LanguageWizardPage;
class ModelWizardPage;

class FirstStartWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageIndex { LanguagePage, ModelPage, DevicePage };

  explicit FirstStartWizard(AppController& controller, QWidget* parent = nullptr);

  LanguageWizardPage* languagePage() const { return language_; }
  ModelWizardPage* modelPage() const { return model_; }
  DeviceWizardPage* devicePage() const { return device_; }

  /// Finish stores the memory setting for this device; either way the first start is done
  /// (it can be run again from the menu) and a running device check is stopped.
  void done(int result) override;

 private:
  AppController& controller_;
  LanguageWizardPage* language_;
  ModelWizardPage* model_;
  DeviceWizardPage* device_;
};

}  // namespace rashisa::ui
