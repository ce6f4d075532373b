#pragma once
// The job bar at the bottom of every page: what runs now, its progress and time left, and
// pause / resume / cancel — so other pages can be used while a product learns.
#include "ui/jobs/job_runner.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rashisa::ui {

class AppController;

class JobBar : public QFrame {
  Q_OBJECT

 public:
  explicit JobBar(AppController& controller, QWidget* parent = nullptr);

  QLabel* titleLabel() const { return title_; }
  QLabel* detailLabel() const { return detail_; }
  QProgressBar* progressBar() const { return bar_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* cancelButton() const { return cancel_; }

 private:
  void onStarted(const ActiveJob& job);
  void onProgress(int id, const JobProgress& progress);
  void onIdle();
  void updateButtons();
  QString stageText(const JobProgress& p) const;

  AppController& controller_;
  ActiveJob job_;
  bool active_ = false;
  QLabel* title_;
  QLabel* detail_;
  QProgressBar* bar_;
  QPushButton* pause_;
  QPushButton* cancel_;
};

}  // namespace rashisa::ui
