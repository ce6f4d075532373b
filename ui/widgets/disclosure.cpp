#include "ui/widgets/disclosure.h"

namespace rashisa::ui {

Disclosure::Disclosure(const QString& text, QWidget* section, QWidget* parent) : QToolButton(parent), section_(section) {
  setText(text);
  setCheckable(true);
  setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  setAutoRaise(true);
  setArrowType(Qt::RightArrow);
  section_->setVisible(false);
  connect(this, &QToolButton::toggled, this, [this](bool open) {
    setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    section_->setVisible(open);
    Q_EMIT openChanged(open);
  });
}

void Disclosure::setOpen(bool open) { setChecked(open); }

}  // namespace rashisa::ui
