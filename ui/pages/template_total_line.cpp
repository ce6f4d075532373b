#include "ui/pages/template_total_line.h"

#include "ui/models/template_draft.h"
#include "ui/text/format.h"
#include "ui/text/template_text.h"
#include "ui/widgets/icons.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace rashisa::ui {

namespace {

QList<qsizetype> valueCounts(const TemplateItem& t) {
  QList<qsizetype> out;
  for (const TemplateVariable& v : t.variables) out.push_back(v.values.size());
  return out;
}

int asInt(qint64 n) { return static_cast<int>(std::min<qint64>(n, 1'000'000'000)); }

}  // namespace

TemplateTotalLine::TemplateTotalLine(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("templateTotal"));
  setStyleSheet(QStringLiteral("QFrame#templateTotal { background: #f3f6f9; border: 1px solid #d5dbe1; "
                               "border-radius: 6px; } QFrame#templateTotal QLabel { background: transparent; }"));
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(10, 6, 10, 6);
  column->setSpacing(2);
  total_ = new QLabel(this);
  total_->setWordWrap(true);
  QFont bold = total_->font();
  bold.setBold(true);
  total_->setFont(bold);
  capText_ = new QLabel(this);
  capText_->setWordWrap(true);
  capText_->setStyleSheet(QStringLiteral("color: %1;").arg(icons::error().name()));
  column->addWidget(total_);
  column->addWidget(capText_);
  capText_->hide();
}

QString TemplateTotalLine::formula(const QList<TemplateItem>& chosen, int products) const {
  qint64 prompts = 0;
  int minSeeds = INT_MAX, maxSeeds = 0;
  bool sameShape = true;
  for (const TemplateItem& t : chosen) {
    prompts += promptCount(t);
    minSeeds = std::min(minSeeds, t.imagesPerPrompt);
    maxSeeds = std::max(maxSeeds, t.imagesPerPrompt);
    sameShape = sameShape && valueCounts(t) == valueCounts(chosen.front());
  }
  const QString seeds = minSeeds == maxSeeds ? tr("%n seed(s)", nullptr, minSeeds)
                                             : tr("%1–%2 seeds").arg(minSeeds).arg(maxSeeds);
  const QString templates = tr("%n template(s)", nullptr, static_cast<int>(chosen.size()));
  const QString images = tr("%n image(s)", nullptr, asInt(images_));
  QStringList factors;
  if (products > 1) factors << tr("%n product(s)", nullptr, products);
  if (sameShape) {
    factors << templates;
    for (qsizetype n : valueCounts(chosen.front())) factors << QString::number(n);
    factors << seeds;
    return factors.join(QStringLiteral(" × ")) + QStringLiteral(" = ") + images;
  }
  factors << tr("%n prompt(s)", nullptr, asInt(prompts)) << seeds;
  return tr("%1: %2").arg(templates, factors.join(QStringLiteral(" × ")) + QStringLiteral(" = ") + images);
}

void TemplateTotalLine::setTemplates(const QList<TemplateItem>& chosen, int products, const Estimate& estimate) {
  products = std::max(products, 1);
  images_ = 0;
  std::optional<double> seconds = 0.0;
  const TemplateItem* biggest = nullptr;
  qint64 biggestImages = 0;
  for (const TemplateItem& t : chosen) {
    const qint64 n = promptCount(t) * t.imagesPerPrompt * products;
    images_ += n;
    if (n > biggestImages) biggest = &t, biggestImages = n;
    const auto s = estimate ? estimate(n * t.steps, n, std::max(t.width, t.height)) : std::nullopt;
    seconds = seconds && s ? std::optional<double>(*seconds + *s) : std::nullopt;
  }
  if (chosen.isEmpty()) {
    total_->setText(tr("Tick at least one template to use on the Generate page."));
    total_->setStyleSheet({});
    capText_->hide();
    return;
  }
  const QString f = formula(chosen, products);
  total_->setText(seconds ? tr("%1 (%2)").arg(f, Format::duration(*seconds))
                          : tr("%1 (the time is shown once this computer's speed has been measured)").arg(f));
  total_->setStyleSheet(overCap() ? QStringLiteral("color: %1;").arg(icons::error().name()) : QString());
  capText_->setVisible(overCap());
  if (overCap())
    capText_->setText(tr("That is more than %1 images in one go, and \"%2\" alone makes %3. Choose fewer "
                         "templates, fewer values or fewer images per prompt.")
                          .arg(QLocale().toString(cap()), TemplateText::label(*biggest),
                               QLocale().toString(biggestImages)));
}

}  // namespace rashisa::ui
