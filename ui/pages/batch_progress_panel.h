#pragma once
// The batch in flight: the image being made (its denoising steps), the whole batch (images
// stored of all, time left from this run's own pace), and pause / resume / stop. Pause holds
// between two steps; stop keeps every image stored so far.
#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rashisa::ui {

class AppController;

class BatchProgressPanel : public QFrame {
  Q_OBJECT

 public:
  explicit BatchProgressPanel(AppController& controller, QWidget* parent = nullptr);

  /// Shows the controller's live batch (hidden when none runs).
  void refresh();

  QProgressBar* overallBar() const { return overall_; }
  QProgressBar* imageBar() const { return image_; }
  QLabel* overallText() const { return overallText_; }
  QLabel* imageText() const { return imageText_; }
  QLabel* pausedText() const { return paused_; }
  QPushButton* pauseButton() const { return pause_; }
  QPushButton* stopButton() const { return stop_; }

 private:
  AppController& controller_;
  QProgressBar* overall_;
  QProgressBar* image_;
  QLabel* overallText_;
  QLabel* imageText_;
  QLabel* paused_;
  QPushButton* pause_;
  QPushButton* stop_;
};

}  // namespace rashisa::ui
