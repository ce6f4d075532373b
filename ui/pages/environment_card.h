#pragma once
// "Is this computer ready?": the GPU and its memory (or that there is none), the base model and
// its family, and the free disk space where projects live. Each line says ok or what to do.
#include <QFrame>

class QLabel;
class QPushButton;

namespace rashisa::ui {

class AppController;

class EnvironmentCard : public QFrame {
  Q_OBJECT

 public:
  explicit EnvironmentCard(AppController& controller, QWidget* parent = nullptr);

  void refresh();

  /// The texts of the three lines (tests and screenshots).
  QString gpuText() const;
  QString modelText() const;
  QString diskText() const;

  /// Free space below this (bytes) is a warning: a stage-3 checkpoint is about 10 GB and the
  /// project file holds two while one replaces the other.
  static constexpr qint64 kLowDisk = qint64(25) << 30;

 private:
  struct Line {
    QLabel* icon;
    QLabel* title;
    QLabel* text;
  };
  Line addLine(const QString& title);
  void setState(Line& line, bool ok, const QString& text);

  AppController& controller_;
  Line gpu_{};
  Line model_{};
  Line disk_{};
  QPushButton* chooseFile_;
  QPushButton* chooseFolder_;
  QLabel* offline_;
};

}  // namespace rashisa::ui
