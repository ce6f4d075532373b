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

}  // namespace rashisa::ui
