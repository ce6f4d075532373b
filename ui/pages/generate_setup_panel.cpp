#include "ui/pages/generate_setup_panel.h"

#include "ui/models/choice_list_model.h"
#include "ui/settings/settings.h"
#include "ui/text/batch_text.h"
#include "ui/widgets/card.h"
#include "ui/widgets/disclosure.h"
#include "ui/window/app_controller.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace rashisa::ui {

namespace {

constexpr int kExample = 40;

/// A number field; `special` is shown for 0 when given.
QSpinBox* numberBox(int max, const QString& special, const QString& tip, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setRange(0, max);
  box->setSpecialValueText(special);
  box->setMinimumWidth(200);
  box->setToolTip(tip);
  return box;
}

}  // namespace

GenerateSetupPanel::GenerateSetupPanel(AppController& controller, QWidget* parent)
    : QWidget(parent), controller_(controller) {
  products_ = new ChoiceListModel(this);
  templates_ = new ChoiceListModel(this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(8);
  layout->addWidget(buildLists(), 1);
  layout->addWidget(buildSeeds());
  advanced_ = buildAdvanced();
  advancedToggle_ = new Disclosure(tr("Advanced settings"), advanced_, this);
  layout->addWidget(advancedToggle_);
  layout->addWidget(advanced_);
  advancedToggle_->setOpen(controller_.settings().advancedGenerateOpen());
  connect(advancedToggle_, &Disclosure::openChanged, this,
          [this](bool open) { controller_.settings().setAdvancedGenerateOpen(open); });
  connect(products_, &ChoiceListModel::checkedChanged, this, &GenerateSetupPanel::changed);
  connect(templates_, &ChoiceListModel::checkedChanged, this, &GenerateSetupPanel::changed);
  connect(allTemplates_, &QPushButton::clicked, this, [this] { templates_->setAllChecked(true); });
  connect(noTemplates_, &QPushButton::clicked, this, [this] { templates_->setAllChecked(false); });
  for (QSpinBox* box : {seeds_, firstSeed_, steps_})
    connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &GenerateSetupPanel::changed);
  connect(guidance_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &GenerateSetupPanel::changed);
  for (QComboBox* box : {sampler_, size_})
    connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &GenerateSetupPanel::changed);
  refresh();
}

QWidget* GenerateSetupPanel::buildLists() {
  auto* box = new QWidget(this);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(4);
  layout->addWidget(headingLabel(tr("Products"), box));
  productList_ = new QListView(box);
  productList_->setModel(products_);
  productList_->setAccessibleName(tr("Trained products"));
  productList_->setUniformItemSizes(true);
  productList_->setSpacing(2);
  productList_->setSelectionMode(QAbstractItemView::NoSelection);
  layout->addWidget(productList_);
  layout->addSpacing(4);
  auto* row = new QHBoxLayout;
  row->addWidget(headingLabel(tr("Templates"), box));
  row->addStretch(1);
  allTemplates_ = new QPushButton(tr("All"), box);
  noTemplates_ = new QPushButton(tr("None"), box);
  allTemplates_->setAccessibleName(tr("Tick all templates"));
  noTemplates_->setAccessibleName(tr("Untick all templates"));
  for (QPushButton* b : {allTemplates_, noTemplates_}) {
    b->setFlat(true);
    row->addWidget(b);
  }
  layout->addLayout(row);
  templateList_ = new QListView(box);
  templateList_->setModel(templates_);
  templateList_->setAccessibleName(tr("Templates"));
  templateList_->setIconSize(QSize(kExample, kExample));
  templateList_->setUniformItemSizes(true);
  templateList_->setSpacing(1);
  templateList_->setSelectionMode(QAbstractItemView::NoSelection);
  layout->addWidget(templateList_, 1);
  return box;
}

QWidget* GenerateSetupPanel::buildSeeds() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
  seeds_ = numberBox(1000, tr("As each template says"),
                     tr("How many images each prompt makes, each with its own seed."), box);
  form->addRow(tr("Images per prompt"), seeds_);
  firstSeed_ = numberBox(2147483647, {},
                         tr("Seeds count up from here. The same seed and settings make the same image again."), box);
  form->addRow(tr("First seed"), firstSeed_);
  return box;
}

QWidget* GenerateSetupPanel::buildAdvanced() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(22, 0, 0, 0);
  form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
  const QString own = tr("As each template says");
  steps_ = numberBox(150, own, tr("More steps take longer and add a little detail."), box);
  form->addRow(tr("Steps"), steps_);
  guidance_ = new QDoubleSpinBox(box);
  guidance_->setRange(0, 30);
  guidance_->setSingleStep(0.5);
  guidance_->setDecimals(1);
  guidance_->setSpecialValueText(own);
  guidance_->setMinimumWidth(200);
  guidance_->setToolTip(tr("How closely the image follows the prompt. 7.5 suits most catalogue images."));
  form->addRow(tr("Guidance"), guidance_);
  sampler_ = new QComboBox(box);
  sampler_->addItem(own, QString());
  for (const QString& s : BatchText::samplers()) sampler_->addItem(BatchText::samplerName(s), s);
  form->addRow(tr("Sampler"), sampler_);
  size_ = new QComboBox(box);
  size_->addItem(own, 0);
  for (int px : {512, 640, 768, 1024}) size_->addItem(tr("%1 × %1 px").arg(px), px);
  size_->setToolTip(tr("Square images. Sizes far from the model's own (512 px) can repeat the product."));
  form->addRow(tr("Size"), size_);
  return box;
}

void GenerateSetupPanel::setAdvancedOpen(bool open) { advancedToggle_->setOpen(open); }

bool GenerateSetupPanel::advancedOpen() const { return advancedToggle_->isOpen(); }

void GenerateSetupPanel::refresh() {
  const ProjectSnapshot& p = controller_.project();
  QList<Choice> products;
  for (const Product& product : p.products)
    if (product.trained) products.push_back({product.id, product.name, {}, {}, true});
  products_->setChoices(products);
  // As tall as its rows (one to three), so the templates get the room.
  const int rows = std::clamp(static_cast<int>(products.size()), 1, 3);
  const int row = std::max(productList_->sizeHintForRow(0), fontMetrics().height() + 4) + 2 * productList_->spacing();
  productList_->setFixedHeight(rows * row + 2 * productList_->frameWidth() + 2);
  QList<Choice> templates;
  for (const TemplateItem& t : p.templates) {
    QPixmap picture;
    if (!t.example.isNull())
      picture = QPixmap::fromImage(t.example.scaled(kExample, kExample, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    templates.push_back({t.id, BatchText::templateLabel(t), t.prompt, picture, true});
  }
  templates_->setChoices(templates);
  allTemplates_->setEnabled(!templates.isEmpty());
  noTemplates_->setEnabled(!templates.isEmpty());
}

BatchRequest GenerateSetupPanel::request() const {
  BatchRequest r;
  r.productIds = products_->checkedIds();
  r.templateIds = templates_->checkedIds();
  r.seedsPerPrompt = seeds_->value();
  r.firstSeed = firstSeed_->value();
  r.steps = steps_->value();
  r.guidance = guidance_->value() > 0 ? guidance_->value() : -1;
  r.sampler = sampler_->currentData().toString();
  r.size = size_->currentData().toInt();
  return r;
}

int GenerateSetupPanel::estimateSize() const {
  if (size_->currentData().toInt() > 0) return size_->currentData().toInt();
  const QList<qint64> chosen = templates_->checkedIds();
  for (const TemplateItem& t : controller_.project().templates)
    if (chosen.contains(t.id)) return std::max(t.width, t.height);
  return 512;
}

}  // namespace rashisa::ui
