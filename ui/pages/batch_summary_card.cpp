#include "ui/pages/batch_summary_card.h"

#include "ui/text/format.h"
#include "ui/widgets/card.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rashisa::ui {

BatchSummaryCard::BatchSummaryCard(QWidget* parent) : QFrame(parent) {
  styleCard(this, QStringLiteral("batchSummary"), QStringLiteral("#f7f9fb"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(14, 10, 14, 10);
  layout->setSpacing(4);
  auto* top = new QHBoxLayout;
  headline_ = new QLabel(this);
  QFont big = headline_->font();
  big.setPointSizeF(big.pointSizeF() * 1.4);
  big.setBold(true);
  headline_->setFont(big);
  time_ = new QLabel(this);
  time_->setStyleSheet(QStringLiteral("color: #3a4550;"));
  measure_ = new QPushButton(tr("Measure this computer"), this);
  measure_->setToolTip(tr("Makes one small image (nothing is saved) to learn how long images take here."));
  top->addWidget(headline_);
  top->addSpacing(12);
  top->addWidget(time_, 1);
  top->addWidget(measure_);
  layout->addLayout(top);
  detail_ = new QLabel(this);
  detail_->setWordWrap(true);
  examplesTitle_ = new QLabel(tr("The first prompts as the model reads them:"), this);
  examplesTitle_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  examples_ = new QLabel(this);
  examples_->setWordWrap(true);
  examples_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  examples_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(detail_);
  layout->addWidget(examplesTitle_);
  layout->addWidget(examples_);
  connect(measure_, &QPushButton::clicked, this, &BatchSummaryCard::measureRequested);
  showBlocked({});
}

void BatchSummaryCard::showCounting() {
  if (headline_->text().isEmpty()) headline_->setText(tr("Counting…"));
}

void BatchSummaryCard::showPlan(const BatchPlan& plan, const BatchRequest& request, std::optional<double> seconds,
                                bool measuring) {
  headline_->setText(tr("%n image(s)", nullptr, static_cast<int>(plan.images)));
  // Red when the batch cannot be made as it is; the reason stands beside the start button.
  headline_->setStyleSheet(plan.problemCode.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(icons::error().name()));
  if (measuring)
    time_->setText(tr("Measuring the speed of this computer…"));
  else if (seconds)
    time_->setText(tr("%1 on this computer").arg(Format::duration(*seconds)));
  else
    time_->setText(tr("Time on this computer: not measured yet"));
  time_->show();
  measure_->setVisible(!seconds && plan.images > 0);
  measure_->setEnabled(!measuring);
  const QString products = tr("%n product(s)", nullptr, static_cast<int>(request.productIds.size()));
  const QString templates = tr("%n template(s)", nullptr, static_cast<int>(request.templateIds.size()));
  const QString prompts = tr("%n prompt(s)", nullptr, static_cast<int>(plan.prompts));
  const QString seeds = request.seedsPerPrompt > 0
                            ? tr("%n image(s) per prompt", nullptr, request.seedsPerPrompt)
                            : tr("images per prompt as each template says");
  detail_->setText(tr("%1 × %2 → %3, %4").arg(products, templates, prompts, seeds));
  detail_->show();
  QStringList lines;
  for (const QString& prompt : plan.examplePrompts) lines << prompt;
  examples_->setText(lines.join(QLatin1Char('\n')));
  examplesTitle_->setVisible(!lines.isEmpty());
  examples_->setVisible(!lines.isEmpty());
}

void BatchSummaryCard::showBlocked(const QString& why) {
  headline_->setText(tr("Nothing to make yet"));
  headline_->setStyleSheet({});
  time_->hide();
  measure_->hide();
  detail_->setText(why);
  detail_->setVisible(!why.isEmpty());
  examplesTitle_->hide();
  examples_->hide();
}

}  // namespace rashisa::ui
