#include "ui/pages/summary_card.h"

#include "ui/settings/settings.h"
#include "ui/text/summary_text.h"
#include "ui/widgets/card.h"
#include "ui/window/app_controller.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace rashisa::ui {

SummaryCard::SummaryCard(AppController& controller, QWidget* parent) : QFrame(parent), controller_(controller) {
  QVBoxLayout* layout = makeCard(this, QStringLiteral("summaryCard"));
  layout->setSpacing(8);
  layout->addWidget(makeCardHeading(tr("This project so far"), this));

  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(14);
  grid->setVerticalSpacing(2);
  const QStringList names = {tr("Products learned"), tr("Images made"), tr("Approved"), tr("Exported"),
                             tr("Computer time")};
  QFont big = font();
  big.setPointSizeF(big.pointSizeF() * 1.3);
  big.setBold(true);
  for (int i = 0; i < names.size(); ++i) {
    auto* value = new QLabel(this);
    value->setFont(big);
    auto* name = new QLabel(names[i], this);
    name->setStyleSheet(QStringLiteral("color: #5a6570;"));
    // Two rows of figures keep the card narrow enough for the Start page's right column.
    const int row = i < 3 ? 0 : 3, column = i < 3 ? i : i - 3;
    grid->addWidget(value, row, column);
    grid->addWidget(name, row + 1, column);
    figures_.push_back(value);
  }
  grid->setRowMinimumHeight(2, 8);
  layout->addLayout(grid);

  saved_ = new QLabel(this);
  QFont savedFont = big;
  savedFont.setPointSizeF(font().pointSizeF() * 1.2);
  saved_->setFont(savedFont);
  saved_->setStyleSheet(QStringLiteral("color: #1f6f3f;"));
  layout->addWidget(saved_);
  note_ = makeNote(QString(), this);
  layout->addWidget(note_);
  rateLink_ = new QLabel(this);
  rateLink_->setText(QStringLiteral("<a href=\"rate\">%1</a>").arg(tr("Change the photo shoot time…").toHtmlEscaped()));
  rateLink_->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
  rateLink_->setAccessibleName(tr("Change the photo shoot time"));
  layout->addWidget(rateLink_);
  connect(rateLink_, &QLabel::linkActivated, this, &SummaryCard::rateChangeRequested);
  connect(&controller_, &AppController::projectChanged, this, &SummaryCard::refresh);
  connect(&controller_, &AppController::settingsChanged, this, &SummaryCard::refresh);
  refresh();
}

void SummaryCard::refresh() {
  const ProjectSummary& s = controller_.project().summary;
  const QLocale locale;
  figures_[0]->setText(locale.toString(s.productsTrained));
  figures_[1]->setText(locale.toString(s.imagesMade));
  figures_[2]->setText(locale.toString(s.approved));
  figures_[3]->setText(locale.toString(s.exported));
  figures_[4]->setText(tr("%1 h").arg(SummaryText::hours(s.computeSeconds / 3600.0)));
  const double rate = controller_.settings().shootHoursPerImage();
  saved_->setText(SummaryText::hoursSavedText(controller_.hoursSaved()));
  note_->setText(SummaryText::explanation(s, rate));
  saved_->setToolTip(note_->text());
}

QString SummaryCard::figure(int index) const { return figures_.value(index) ? figures_[index]->text() : QString(); }

}  // namespace rashisa::ui
