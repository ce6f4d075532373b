#include "ui/widgets/message_bar.h"

#include "ui/widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace rashisa::ui {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("messageBar"));
  setFrameShape(QFrame::StyledPanel);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(10, 8, 8, 8);
  row->setSpacing(10);
  icon_ = new QLabel(this);
  icon_->setFixedSize(22, 22);
  row->addWidget(icon_, 0, Qt::AlignTop);
  auto* texts = new QVBoxLayout;
  texts->setSpacing(2);
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  text_ = new QLabel(this);
  text_->setWordWrap(true);
  texts->addWidget(title_);
  texts->addWidget(text_);
  row->addLayout(texts, 1);
  action_ = new QPushButton(this);
  second_ = new QPushButton(this);
  copy_ = new QPushButton(tr("Copy details"), this);
  close_ = new QToolButton(this);
  close_->setText(QStringLiteral("×"));
  close_->setToolTip(tr("Close this message"));
  close_->setAccessibleName(tr("Close this message"));
  close_->setAutoRaise(true);
  for (QWidget* w : {static_cast<QWidget*>(action_), static_cast<QWidget*>(second_), static_cast<QWidget*>(copy_),
                     static_cast<QWidget*>(close_)})
    row->addWidget(w, 0, Qt::AlignVCenter);
  connect(action_, &QPushButton::clicked, this, [this] {
    auto f = notice_.action;
    if (f) f();
  });
  connect(second_, &QPushButton::clicked, this, [this] {
    auto f = notice_.second;
    if (f) f();
  });
  connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(notice_.details); });
  connect(close_, &QToolButton::clicked, this, [this] {
    clear();
    Q_EMIT closed();
  });
  hide();
}

void MessageBar::applyLevel(MessageLevel level) {
  QColor border, fill;
  switch (level) {
    case MessageLevel::Info:
      border = icons::info();
      fill = QColor(0xe8, 0xf1, 0xfb);
      icon_->setPixmap(icons::badge(Severity::Info).pixmap(22, 22));
      break;
    case MessageLevel::Success:
      border = icons::ok();
      fill = QColor(0xe7, 0xf5, 0xec);
      icon_->setPixmap(icons::done().pixmap(22, 22));
      break;
    case MessageLevel::Warning:
      border = icons::warning();
      fill = QColor(0xfd, 0xf3, 0xe0);
      icon_->setPixmap(icons::badge(Severity::Warning).pixmap(22, 22));
      break;
    case MessageLevel::Error:
      border = icons::error();
      fill = QColor(0xfb, 0xe9, 0xe9);
      icon_->setPixmap(icons::badge(Severity::Error).pixmap(22, 22));
      break;
  }
  setStyleSheet(QStringLiteral("QFrame#messageBar { background: %1; border: 1px solid %2; border-radius: 6px; }"
                               "QFrame#messageBar QLabel { background: transparent; color: #1d2329; }")
                    .arg(fill.name(), border.name()));
}

void MessageBar::showNotice(const Notice& notice) {
  notice_ = notice;
  applyLevel(notice.level);
  title_->setText(notice.title);
  text_->setText(notice.text);
  text_->setVisible(!notice.text.isEmpty());
  action_->setText(notice.actionText);
  action_->setVisible(!notice.actionText.isEmpty() && notice.action);
  second_->setText(notice.secondText);
  second_->setVisible(!notice.secondText.isEmpty() && notice.second);
  copy_->setVisible(!notice.details.isEmpty());
  close_->setVisible(notice.closable);
  show();
}

void MessageBar::clear() {
  notice_ = Notice{};
  hide();
}

}  // namespace rashisa::ui
