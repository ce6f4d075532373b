#pragma once
// The pages of the first-start wizard: the window's language; the base model (checked on the
// worker, its family shown, never downloaded); and the device check, which measures a few
// training and generation steps, picks the memory setting and fills the time estimates.
// Each page works without a GPU and without a model and says what is missing.
#include "ui/jobs/engine_types.h"

#include <QWizardPage>

class QButtonGroup;
class QLabel;
class QProgressBar;
class QPushButton;

namespace rashisa::ui {

class AppController;
class DemoOffer;
class MessageBar;

class LanguageWizardPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit LanguageWizardPage(AppController& controller, QWidget* parent = nullptr);
  /// "" (the system's), "ja" or "en".
  QString language() const;
  void setLanguage(const QString& language);
  /// Stores the choice (used from the next start).
  bool validatePage() override;

 private:
  AppController& controller_;
  QButtonGroup* group_;
  QStringList codes_;
};

class ModelWizardPage : public QWizardPage {
  Q_OBJECT

 public:
  enum class State { None, Checking, Ready, Refused };

  explicit ModelWizardPage(AppController& controller, QWidget* parent = nullptr);
  State state() const { return state_; }
  QPushButton* fileButton() const { return file_; }
  QPushButton* folderButton() const { return folder_; }
  QLabel* statusLabel() const { return status_; }
  QLabel* laterLabel() const { return later_; }
  MessageBar* messageBar() const { return bar_; }
  DemoOffer* demoOffer() const { return demo_; }

 private:
  void choose(bool folder);
  void refresh();
  void onChecked(const JobError& error);
  void showProblem(const JobError& problem);

  AppController& controller_;
  State state_ = State::None;
  JobError error_;  // of the last model chosen here
  QPushButton* file_;
  QPushButton* folder_;
  QLabel* icon_;
  QLabel* status_;
  QLabel* later_;
  DemoOffer* demo_;
  MessageBar* bar_;
};

class DeviceWizardPage : public QWizardPage {
  Q_OBJECT

 public:
  explicit DeviceWizardPage(AppController& controller, QWidget* parent = nullptr);
  void initializePage() override;

  QLabel* deviceLabel() const { return device_; }
  QLabel* memoryLabel() const { return memory_; }
  QLabel* trainingLabel() const { return training_; }
  QLabel* generationLabel() const { return generation_; }
  QLabel* reasonLabel() const { return reason_; }
  QPushButton* measureButton() const { return measure_; }
  MessageBar* messageBar() const { return bar_; }
  /// What the memory setting is, in words ("24 GB GPU (chosen for this GPU's memory)").
  QString memoryText() const;

 private:
  void refresh();
  void onChecked(const JobError& error);

  AppController& controller_;
  QLabel* deviceIcon_;
  QLabel* device_;
  QLabel* memory_;
  QLabel* training_;
  QLabel* generation_;
  QLabel* reason_;
  QProgressBar* progress_;
  QPushButton* measure_;
  MessageBar* bar_;
};

}  // namespace rashisa::ui
