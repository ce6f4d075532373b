#pragma once
// What every step page has: a title, an inline message bar at the top, and the controller.
#include "ui/widgets/message_bar.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace rashisa::ui {

class AppController;

class Page : public QWidget {
  Q_OBJECT

 public:
  Page(AppController& controller, const QString& title, QWidget* parent = nullptr);

  MessageBar& messageBar() { return *bar_; }
  /// The calm, lasting notice while the demo model is in use (hidden otherwise).
  MessageBar* demoBar() const { return demoBar_; }
  /// The lasting notice while the project is open read-only (hidden otherwise).
  MessageBar* readOnlyBar() const { return readOnlyBar_; }
  void showNotice(const Notice& notice) { bar_->showNotice(notice); }

 protected:
  /// The layout below the title and the message bar, for the page's own content.
  QVBoxLayout* body() { return body_; }
  AppController& controller() { return controller_; }
  const AppController& controller() const { return controller_; }
  void setTitle(const QString& title);

 private:
  void refreshDemoNotice();
  void refreshReadOnlyNotice();

  AppController& controller_;
  QLabel* title_;
  MessageBar* demoBar_;
  MessageBar* readOnlyBar_;
  MessageBar* bar_;
  QVBoxLayout* body_;
};

/// An accent-coloured primary button (one per page, bottom right).
QPushButton* makePrimaryButton(const QString& text, QWidget* parent);

}  // namespace rashisa::ui
