#pragma once
// "This project so far": products trained, images made, approved and exported, the computer's
// time, and the hours saved against a photo shoot at the user's rate (with how it is counted
// and a link to change the rate). On the Start page while a project is open.
#include <QFrame>

class QLabel;

namespace rashisa::ui {

class AppController;

class SummaryCard : public QFrame {
  Q_OBJECT

 public:
  explicit SummaryCard(AppController& controller, QWidget* parent = nullptr);

  void refresh();

  /// The figures as shown (tests): products, images, approved, exported, computer time.
  QString figure(int index) const;
  QLabel* savedLabel() const { return saved_; }
  QLabel* noteLabel() const { return note_; }
  QLabel* rateLink() const { return rateLink_; }

 Q_SIGNALS:
  /// The user wants to change the photo shoot's hours per image.
  void rateChangeRequested();

 private:
  AppController& controller_;
  QList<QLabel*> figures_;
  QLabel* saved_;
  QLabel* note_;
  QLabel* rateLink_;
};

}  // namespace rashisa::ui
