#include "ui/window/first_start_wizard.h"

#include "ui/settings/settings.h"
#include "ui/window/app_controller.h"
#include "ui/window/first_start_pages.h"

namespace rashisa::ui {

FirstStartWizard::FirstStartWizard(AppController& controller, QWidget* parent)
    : QWizard(parent), controller_(controller) {
  setWindowTitle(tr("Getting started with Rashisa"));
  setWizardStyle(QWizard::ModernStyle);
  setOption(QWizard::NoBackButtonOnStartPage, true);
  setButtonText(QWizard::BackButton, tr("Back"));
  setButtonText(QWizard::NextButton, tr("Next"));
  setButtonText(QWizard::FinishButton, tr("Finish"));
  setButtonText(QWizard::CancelButton, tr("Later"));
  language_ = new LanguageWizardPage(controller, this);
  model_ = new ModelWizardPage(controller, this);
  device_ = new DeviceWizardPage(controller, this);
  setPage(LanguagePage, language_);
  setPage(ModelPage, model_);
  setPage(DevicePage, device_);
  setStartId(LanguagePage);
  resize(740, 500);
}

void FirstStartWizard::done(int result) {
  controller_.cancelDeviceCheck();
  Settings& settings = controller_.settings();
  if (result == QDialog::Accepted && controller_.device()) {
    settings.setMemoryPlan(AppController::memoryPlanFor(*controller_.device()));
    controller_.notifySettingsChanged();
  }
  settings.setFirstStartDone(true);
  settings.sync();
  QWizard::done(result);
}

}  // namespace rashisa::ui
