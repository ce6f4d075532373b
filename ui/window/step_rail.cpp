#include "ui/window/step_rail.h"

#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace rashisa::ui {

RailItem::RailItem(const QString& title, QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("railItem"));
  setFocusPolicy(Qt::StrongFocus);
  setCursor(Qt::PointingHandCursor);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(12, 8, 10, 8);
  row->setSpacing(8);
  auto* texts = new QVBoxLayout;
  texts->setSpacing(1);
  title_ = new QLabel(title, this);
  QFont f = title_->font();
  f.setPointSizeF(f.pointSizeF() * 1.1);
  f.setBold(true);
  title_->setFont(f);
  note_ = new QLabel(this);
  note_->setWordWrap(true);
  QFont small = note_->font();
  small.setPointSizeF(small.pointSizeF() * 0.88);
  note_->setFont(small);
  texts->addWidget(title_);
  texts->addWidget(note_);
  icon_ = new QLabel(this);
  icon_->setFixedSize(20, 20);
  row->addLayout(texts, 1);
  row->addWidget(icon_, 0, Qt::AlignTop);
  setAccessibleName(title);
  restyle();
}

QString RailItem::note() const { return note_->text(); }
QString RailItem::title() const { return title_->text(); }

void RailItem::setBadge(Badge badge, const QString& note) {
  badge_ = badge;
  note_->setText(note);
  note_->setVisible(!note.isEmpty());
  setToolTip(note);
  setAccessibleDescription(note);
  switch (badge) {
    case Badge::None: icon_->clear(); break;
    case Badge::Done: icon_->setPixmap(icons::done().pixmap(20, 20)); break;
    case Badge::Attention: icon_->setPixmap(icons::attention().pixmap(20, 20)); break;
    case Badge::Locked: icon_->setPixmap(icons::locked().pixmap(20, 20)); break;
  }
  setCursor(badge == Badge::Locked ? Qt::ArrowCursor : Qt::PointingHandCursor);
  restyle();
}

void RailItem::setCurrent(bool current) {
  current_ = current;
  restyle();
}

void RailItem::restyle() {
  const QString fill = current_ ? QStringLiteral("#dce8f7") : QStringLiteral("transparent");
  const QString bar = current_ ? icons::accent().name() : QStringLiteral("transparent");
  const QString text = badge_ == Badge::Locked ? QStringLiteral("#8a9099") : QStringLiteral("#1d2329");
  setStyleSheet(QStringLiteral("QFrame#railItem { background: %1; border-left: 4px solid %2; border-radius: 0; }"
                               "QFrame#railItem QLabel { color: %3; background: transparent; }")
                    .arg(fill, bar, text));
}

void RailItem::mousePressEvent(QMouseEvent* event) {
  QFrame::mousePressEvent(event);
  if (badge_ != Badge::Locked) Q_EMIT clicked();
}

void RailItem::keyPressEvent(QKeyEvent* event) {
  if ((event->key() == Qt::Key_Space || event->key() == Qt::Key_Return) && badge_ != Badge::Locked) {
    Q_EMIT clicked();
    return;
  }
  QFrame::keyPressEvent(event);
}

StepRail::StepRail(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("stepRail"));
  setFixedWidth(210);
  setStyleSheet(QStringLiteral("QFrame#stepRail { background: #f1f4f7; border-right: 1px solid #d5dbe1; }"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 16, 0, 12);
  layout->setSpacing(2);
  auto* brand = new QLabel(tr("Rashisa"), this);
  QFont f = brand->font();
  f.setPointSizeF(f.pointSizeF() * 1.5);
  f.setBold(true);
  brand->setFont(f);
  brand->setContentsMargins(16, 0, 8, 0);
  layout->addWidget(brand);
  project_ = new QLabel(this);
  project_->setWordWrap(true);
  project_->setContentsMargins(16, 0, 8, 10);
  project_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(project_);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  summary_->setContentsMargins(16, 0, 8, 10);
  summary_->setStyleSheet(QStringLiteral("color: #1f6f3f;"));
  summary_->hide();
  layout->addWidget(summary_);
  layout->addStretch(1);
}

void StepRail::addStep(PageId page, const QString& title) {
  auto* item = new RailItem(title, this);
  auto* layout = static_cast<QVBoxLayout*>(this->layout());
  layout->insertWidget(layout->count() - 1, item);
  items_.insert(page, item);
  connect(item, &RailItem::clicked, this, [this, page] { Q_EMIT stepChosen(page); });
}

void StepRail::setCurrent(PageId page) {
  for (auto it = items_.begin(); it != items_.end(); ++it) it.value()->setCurrent(it.key() == page);
}

void StepRail::setProjectName(const QString& name) { project_->setText(name); }

void StepRail::setProjectSummary(const QString& text, const QString& toolTip) {
  summary_->setText(text);
  summary_->setToolTip(toolTip);
  summary_->setVisible(!text.isEmpty());
  project_->setContentsMargins(16, 0, 8, text.isEmpty() ? 10 : 2);
}

}  // namespace rashisa::ui
