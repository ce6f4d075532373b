#pragma once
// The offer to try the demo where no base model is chosen yet (the Start page, the first-start
// wizard): a secondary button and one line saying what the demo is.
#include <QWidget>

class QLabel;
class QPushButton;

namespace rashisa::ui {

class DemoOffer : public QWidget {
  Q_OBJECT

 public:
  explicit DemoOffer(QWidget* parent = nullptr);

  QPushButton* button() const { return button_; }
  QLabel* textLabel() const { return text_; }

 Q_SIGNALS:
  void demoRequested();

 private:
  QPushButton* button_;
  QLabel* text_;
};

}  // namespace rashisa::ui
