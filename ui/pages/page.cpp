#include "ui/pages/page.h"

#include "ui/widgets/icons.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rashisa::ui {

Page::Page(AppController& controller, const QString& title, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(24, 18, 24, 12);
  outer->setSpacing(10);
  title_ = new QLabel(title, this);
  title_->setObjectName(QStringLiteral("pageTitle"));
  QFont f = title_->font();
  f.setPointSizeF(f.pointSizeF() * 1.6);
  f.setBold(true);
  title_->setFont(f);
  outer->addWidget(title_);
  demoBar_ = new MessageBar(this);
  outer->addWidget(demoBar_);
  readOnlyBar_ = new MessageBar(this);
  outer->addWidget(readOnlyBar_);
  bar_ = new MessageBar(this);
  outer->addWidget(bar_);
  body_ = new QVBoxLayout;
  body_->setSpacing(10);
  outer->addLayout(body_, 1);
  connect(&controller, &AppController::projectChanged, this, &Page::refreshDemoNotice);
  connect(&controller, &AppController::environmentChanged, this, &Page::refreshDemoNotice);
  refreshDemoNotice();
  connect(&controller, &AppController::projectChanged, this, &Page::refreshReadOnlyNotice);
  refreshReadOnlyNotice();
}

void Page::refreshReadOnlyNotice() {
  if (!controller_.isReadOnly()) return readOnlyBar_->clear();
  // "Open again" opens it for changes once the other program has closed it.
  readOnlyBar_->showNotice({MessageLevel::Warning, tr("Read-only: you can look at this project but not change it."),
                            controller_.readOnlyReason(), {}, tr("Open again"),
                            [this] { controller_.openProject(controller_.project().path); }, {}, {}, false});
}

void Page::refreshDemoNotice() {
  if (!controller_.usesDemoModel()) {
    demoBar_->clear();
    return;
  }
  Notice n;
  n.level = MessageLevel::Info;
  n.title = tr("Demo model: for trying the workflow. Its images are abstract patterns.");
  n.text = tr("For real product images, choose a Stable Diffusion 1.5 or 2.1 model file.");
  n.actionText = tr("Choose a model…");
  n.action = [this] { controller_.chooseModel(controller_.dialogs().modelPath(window(), false)); };
  n.closable = false;
  demoBar_->showNotice(n);
}

void Page::setTitle(const QString& title) { title_->setText(title); }

QPushButton* makePrimaryButton(const QString& text, QWidget* parent) {
  auto* b = new QPushButton(text, parent);
  b->setObjectName(QStringLiteral("primaryButton"));
  b->setDefault(true);
  b->setMinimumHeight(36);
  b->setStyleSheet(QStringLiteral("QPushButton#primaryButton { background: %1; color: white; border: none; "
                                  "border-radius: 5px; padding: 6px 18px; font-weight: bold; }"
                                  "QPushButton#primaryButton:hover { background: %2; }"
                                  "QPushButton#primaryButton:disabled { background: #b8c2cc; color: #f4f6f8; }")
                       .arg(icons::accent().name(), icons::accent().darker(115).name()));
  return b;
}

}  // namespace rashisa::ui
