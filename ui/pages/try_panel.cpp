#include "ui/pages/try_panel.h"

#include "ui/settings/settings.h"
#include "ui/widgets/scaled_image.h"
#include "ui/window/app_controller.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rashisa::ui {

namespace {
constexpr int kImage = 150;
}

QString TryPanel::defaultPrompt() { return QStringLiteral("a photo of {concept} on a wooden table in morning light"); }

TryPanel::TryPanel(AppController& controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* title = new QLabel(tr("Try it"), this);
  QFont bold = title->font();
  bold.setBold(true);
  title->setFont(bold);
  layout->addWidget(title);
  auto* row = new QHBoxLayout;
  prompt_ = new QLineEdit(this);
  prompt_->setAccessibleName(tr("Prompt"));
  prompt_->setPlaceholderText(tr("Describe a scene in English, with {concept} where the product goes"));
  const QString saved = controller_.settings().tryPrompt();
  prompt_->setText(saved.isEmpty() ? defaultPrompt() : saved);
  make_ = new QPushButton(tr("Make 4 images"), this);
  row->addWidget(prompt_, 1);
  row->addWidget(make_);
  layout->addLayout(row);
  hint_ = new QLabel(tr("{concept} becomes your product. Write the rest in English, like a photo caption."), this);
  hint_->setWordWrap(true);
  hint_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(hint_);
  auto* grid = new QGridLayout;
  for (int i = 0; i < 4; ++i) {
    images_[i] = new ScaledImage(kImage, 110, this);
    grid->addWidget(images_[i], i / 2, i % 2);
  }
  grid->setColumnStretch(2, 1);
  layout->addLayout(grid);
  status_ = new QLabel(this);
  status_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(status_);
  layout->addStretch(1);
  connect(make_, &QPushButton::clicked, this, &TryPanel::make);
  connect(prompt_, &QLineEdit::returnPressed, this, &TryPanel::make);
  connect(prompt_, &QLineEdit::textChanged, this, &TryPanel::refresh);
  connect(&controller_, &AppController::tryFinished, this, &TryPanel::onFinished);
  connect(&controller_, &AppController::busyChanged, this, &TryPanel::refresh);
  refresh();
}

void TryPanel::setProduct(qint64 productId) {
  if (productId == productId_) return;
  productId_ = productId;
  for (auto* l : images_) l->clear();
  status_->clear();
}

void TryPanel::refresh() {
  const bool hasPlace = prompt_->text().contains(QLatin1String("{concept}"));
  make_->setEnabled(hasPlace && !controller_.isTrying() && !controller_.isTraining() && productId_ > 0);
  make_->setToolTip(hasPlace ? QString() : tr("Write {concept} where the product goes."));
  if (controller_.isTrying()) status_->setText(tr("Making the images…"));
}

void TryPanel::make() {
  if (!make_->isEnabled()) return;
  controller_.settings().setTryPrompt(prompt_->text());
  TryRequest r;
  r.productId = productId_;
  r.prompt = prompt_->text();
  const Product* p = controller_.product();
  r.size = p ? p->resolution : 512;
  for (auto* l : images_) l->clear();
  controller_.tryProduct(r);
  refresh();
}

void TryPanel::onFinished(const QList<TryImage>& images) {
  for (int i = 0; i < 4; ++i) {
    images_[i]->clear();
    if (i < images.size() && !images[i].image.isNull()) {
      images_[i]->setImage(images[i].image);
      images_[i]->setToolTip(tr("Seed %1").arg(images[i].seed));
    }
  }
  status_->setText(images.isEmpty() ? QString() : tr("Not saved: these images are only a try."));
  refresh();
}

}  // namespace rashisa::ui
