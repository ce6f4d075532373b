#pragma once
// Before training: the preset (with its estimated time on this machine), the advanced
// settings (remembered open or closed) and the start button with the reason it is disabled.
#include "ui/jobs/engine_types.h"

#include <QWidget>

#include <array>

class QButtonGroup;
class QComboBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QDoubleSpinBox;

namespace rashisa::ui {

class AppController;
class Disclosure;

class LearnSetupPanel : public QWidget {
  Q_OBJECT

 public:
  explicit LearnSetupPanel(AppController& controller, QWidget* parent = nullptr);

  /// The setup as chosen now (name and category from the project's draft).
  ProductSetup setup() const;
  TrainOptions options() const;
  void refresh();

  QPushButton* startButton() const { return start_; }
  QPushButton* measureButton() const { return measure_; }
  QRadioButton* presetButton(const QString& preset) const;
  QSpinBox* resolutionBox() const { return resolution_; }
  QSpinBox* stepsBox(int stage) const { return steps_[stage - 1]; }
  QSpinBox* previewEveryBox() const { return previewEvery_; }
  QLabel* estimateLabel(const QString& preset) const;
  QLabel* blockedReason() const { return reason_; }
  /// Says when the free space beside the project is below what training will need (hidden otherwise).
  QLabel* spaceWarning() const { return spaceWarning_; }
  /// Says that the demo's numbers are set (visible in the demo project only).
  QLabel* demoNote() const { return demoNote_; }
  void setAdvancedOpen(bool open);
  bool advancedOpen() const;

 Q_SIGNALS:
  void startRequested();

 private:
  QWidget* buildPresets();
  QWidget* buildAdvanced();
  void presetChanged();
  QString preset() const;
  /// Preview frequency, memory setting and device from the settings.
  void applySettings();
  /// The demo project's numbers once when it opens; the usual ones back for other projects.
  void applyDemo();
  /// Asks for the free-space check when what it depends on changed since the last one.
  void checkSpace();
  void showSpace(const TrainingSpaceCheck& space);

  AppController& controller_;
  QButtonGroup* presets_;
  QRadioButton* standard_;
  QRadioButton* fast_;
  QLabel* standardTime_;
  QLabel* fastTime_;
  QLabel* speedNote_;
  QPushButton* measure_;
  Disclosure* advancedToggle_;
  QWidget* advanced_;
  QSpinBox* resolution_;
  QSpinBox* seed_;
  std::array<QSpinBox*, 3> steps_{};
  QSpinBox* previewEvery_;
  QDoubleSpinBox* checkpointMinutes_;
  QComboBox* device_;
  QComboBox* memory_;
  QLabel* reason_;
  QLabel* demoNote_;
  QLabel* spaceWarning_;
  QString spaceKey_;  // what the last space check was asked for
  QPushButton* start_;
  bool stepsEdited_ = false;
  QString demoProject_;  // the demo project whose numbers are set ("" when none)
  int demoBatch_ = -1;   // the demo's batch size (-1: the preset's)
};

}  // namespace rashisa::ui
