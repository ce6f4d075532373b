#pragma once
// An inline message bar: an icon, one or two sentences, up to two action buttons, "copy
// details" when there are details, and a close button. Used for states and errors instead of
// modal dialogs.
#include <QFrame>
#include <QString>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace rashisa::ui {

enum class MessageLevel { Info, Success, Warning, Error };

struct Notice {
  MessageLevel level = MessageLevel::Info;
  QString title;
  QString text;     // may be empty
  QString details;  // non-empty: a "Copy details" button copies it
  QString actionText;
  std::function<void()> action;
  QString secondText;
  std::function<void()> second;
  bool closable = true;
};

class MessageBar : public QFrame {
  Q_OBJECT

 public:
  explicit MessageBar(QWidget* parent = nullptr);

  void showNotice(const Notice& notice);
  void clear();
  const Notice& notice() const { return notice_; }

 Q_SIGNALS:
  void closed();

 private:
  void applyLevel(MessageLevel level);

  Notice notice_;
  QLabel* icon_;
  QLabel* title_;
  QLabel* text_;
  QPushButton* action_;
  QPushButton* second_;
  QPushButton* copy_;
  QToolButton* close_;
};

}  // namespace rashisa::ui
