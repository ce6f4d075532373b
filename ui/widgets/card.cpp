#include "ui/widgets/card.h"

#include <QFrame>
#include <QLabel>

namespace rashisa::ui {

void styleCard(QFrame* frame, const QString& name, const QString& fill) {
  frame->setObjectName(name);
  const QString background = fill.isEmpty() ? QString() : QStringLiteral(" background: %1;").arg(fill);
  frame->setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid #d5dbe1; border-radius: 8px;%2 } "
                                      "QFrame#%1 QLabel { background: transparent; }")
                           .arg(name, background));
}

QLabel* headingLabel(const QString& text, QWidget* parent) {
  auto* label = new QLabel(text, parent);
  QFont bold = label->font();
  bold.setBold(true);
  label->setFont(bold);
  return label;
}

}  // namespace rashisa::ui
