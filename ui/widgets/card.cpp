#include "ui/widgets/card.h"

#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace rashisa::ui {

QVBoxLayout* makeCard(QFrame* card, const QString& objectName) {
  card->setObjectName(objectName);
  card->setFrameShape(QFrame::StyledPanel);
  card->setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid #d5dbe1; border-radius: 8px; }").arg(objectName));
  auto* layout = new QVBoxLayout(card);
  layout->setContentsMargins(16, 14, 16, 14);
  return layout;
}

QLabel* makeCardHeading(const QString& text, QWidget* parent) {
  auto* heading = new QLabel(text, parent);
  QFont f = heading->font();
  f.setBold(true);
  f.setPointSizeF(f.pointSizeF() * 1.15);
  heading->setFont(f);
  return heading;
}

QLabel* makeNote(const QString& text, QWidget* parent) {
  auto* note = new QLabel(text, parent);
  note->setWordWrap(true);
  note->setStyleSheet(QStringLiteral("color: #5a6570;"));
  return note;
}

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
