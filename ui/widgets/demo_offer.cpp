#include "ui/widgets/demo_offer.h"

#include "ui/widgets/card.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace rashisa::ui {

DemoOffer::DemoOffer(QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(12);
  button_ = new QPushButton(tr("Try the demo"), this);
  button_->setObjectName(QStringLiteral("demoButton"));
  button_->setMinimumHeight(32);
  text_ = makeNote(tr("Photos and a tiny model that Rashisa makes itself. Everything runs on this computer in a few "
                      "minutes; the images are abstract patterns."),
                   this);
  row->addWidget(button_, 0, Qt::AlignTop);
  row->addWidget(text_, 1);
  connect(button_, &QPushButton::clicked, this, &DemoOffer::demoRequested);
}

}  // namespace rashisa::ui
