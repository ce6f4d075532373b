#pragma once
// The three AttnDreamBooth stages in plain words, each with its state: waiting, running (step,
// seconds per step, time left) or done.
#include <QWidget>

#include <array>
#include <optional>

class QLabel;

namespace rashisa::ui {

class StageStepper : public QWidget {
  Q_OBJECT

 public:
  explicit StageStepper(QWidget* parent = nullptr);

  /// Steps of each stage.
  void setPlan(const std::array<int, 3>& steps);
  /// `stage` 0: not started; 1..3: running (or stopped) in that stage at `step`; 4: all done.
  void setProgress(int stage, qint64 step, std::optional<double> secondsPerStep = std::nullopt,
                   std::optional<double> secondsLeft = std::nullopt);
  /// Shown in place of the time while the job is paused or stopped.
  void setStatusWord(const QString& word);

  static QString stageTitle(int stage);

  QString statusText(int stage) const;

 private:
  void refresh();

  struct Row {
    QLabel* mark;
    QLabel* title;
    QLabel* status;
  };
  std::array<Row, 3> rows_{};
  std::array<int, 3> steps_{60, 100, 500};
  int stage_ = 0;
  qint64 step_ = 0;
  std::optional<double> secondsPerStep_;
  std::optional<double> secondsLeft_;
  QString word_;
};

}  // namespace rashisa::ui
