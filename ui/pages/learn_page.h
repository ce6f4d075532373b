#pragma once
// The Learn page: choose the base model (if none yet), pick a preset and start; then follow
// the three stages with previews and heat maps; after a crash resume or start over; when done,
// try the product.
#include "ui/pages/page.h"

class QLabel;
class QPushButton;
class QStackedWidget;

namespace rashisa::ui {

class LearnSetupPanel;
class TrainingPanel;

class LearnPage : public Page {
  Q_OBJECT

 public:
  enum class State { NoModel, Setup, Running, Interrupted, Done };

  explicit LearnPage(AppController& controller, QWidget* parent = nullptr);

  State state() const { return state_; }
  LearnSetupPanel* setupPanel() const { return setup_; }
  TrainingPanel* trainingPanel() const { return training_; }
  QLabel* productLine() const { return productLine_; }
  QLabel* interruptedText() const { return interrupted_; }
  QPushButton* resumeButton() const { return resume_; }
  QPushButton* restartButton() const { return restart_; }

 private:
  QWidget* buildModelBox();
  QWidget* buildInterruptedBox();
  void refresh();
  void start();

  State state_ = State::Setup;
  QLabel* productLine_;
  QLabel* modelLine_;
  QPushButton* changeModel_;
  QWidget* modelBox_;
  QWidget* interruptedBox_;
  QLabel* interrupted_;
  QPushButton* resume_;
  QPushButton* restart_;
  QStackedWidget* stack_;
  LearnSetupPanel* setup_;
  TrainingPanel* training_;
  QLabel* doneLine_;
};

}  // namespace rashisa::ui
