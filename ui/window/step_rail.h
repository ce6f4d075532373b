#pragma once
// The step rail on the left: one entry per step of the job, each with a state badge (done,
// needs attention, locked) and, when locked, a line that says why.
#include "ui/window/app_controller.h"

#include <QFrame>
#include <QMap>

class QLabel;

namespace rashisa::ui {

class RailItem : public QFrame {
  Q_OBJECT

 public:
  enum class Badge { None, Done, Attention, Locked };

  RailItem(const QString& title, QWidget* parent = nullptr);
  void setBadge(Badge badge, const QString& note);
  void setCurrent(bool current);
  Badge badge() const { return badge_; }
  QString note() const;
  QString title() const;

 Q_SIGNALS:
  void clicked();

 protected:
  void mousePressEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void restyle();
  Badge badge_ = Badge::None;
  bool current_ = false;
  QLabel* icon_;
  QLabel* title_;
  QLabel* note_;
};

class StepRail : public QFrame {
  Q_OBJECT

 public:
  explicit StepRail(QWidget* parent = nullptr);

  void addStep(PageId page, const QString& title);
  RailItem* item(PageId page) const { return items_.value(page); }
  void setCurrent(PageId page);
  void setProjectName(const QString& name);
  /// A short line under the project's name (images made, hours saved) and how it is counted.
  void setProjectSummary(const QString& text, const QString& toolTip);
  QLabel* projectSummary() const { return summary_; }

 Q_SIGNALS:
  void stepChosen(rashisa::ui::PageId page);

 private:
  QMap<PageId, RailItem*> items_;
  QLabel* project_;
  QLabel* summary_;
};

}  // namespace rashisa::ui
