#pragma once
// A flat "▸ Advanced settings" button that shows or hides a section of a page ("詳細設定"), so
// rare settings stay out of the way but never out of reach; the page remembers the state.
#include <QToolButton>

namespace rashisa::ui {

class Disclosure : public QToolButton {
  Q_OBJECT

 public:
  /// `section` is shown while the button is open.
  Disclosure(const QString& text, QWidget* section, QWidget* parent = nullptr);

  void setOpen(bool open);
  bool isOpen() const { return isChecked(); }

 Q_SIGNALS:
  /// Opened or closed (by the user or by setOpen).
  void openChanged(bool open);

 private:
  QWidget* section_;
};

}  // namespace rashisa::ui
