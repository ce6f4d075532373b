#pragma once
// The Start page: new project, open, recent projects, and whether this computer is ready.
// Photos dropped here make a new project with them.
#include "ui/pages/page.h"

class QListView;
class QPushButton;
class QLabel;
class QVBoxLayout;

namespace rashisa::ui {

class DemoOffer;
class EnvironmentCard;
class RecentProjectsModel;
class SummaryCard;

class StartPage : public Page {
  Q_OBJECT

 public:
  explicit StartPage(AppController& controller, QWidget* parent = nullptr);

  void refreshRecent();
  RecentProjectsModel* recentModel() const { return recent_; }
  EnvironmentCard* environment() const { return environment_; }
  SummaryCard* summary() const { return summary_; }
  DemoOffer* demoOffer() const { return demoOffer_; }

 Q_SIGNALS:
  /// The summary's "change the photo shoot time" link: the window opens the Preferences.
  void shootRateRequested();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void newProject(const QStringList& photos);
  void openRecent(const QModelIndex& index);
  void refreshDemoOffer();

  QPushButton* newButton_;
  QPushButton* openButton_;
  QLabel* recentTitle_;
  QListView* recentView_;
  QLabel* recentEmpty_;
  RecentProjectsModel* recent_;
  EnvironmentCard* environment_;
  SummaryCard* summary_;
  DemoOffer* demoOffer_;
  QVBoxLayout* leftColumn_ = nullptr;
};

}  // namespace rashisa::ui
