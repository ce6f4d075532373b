#include "ui/pages/name_pattern_panel.h"

#include "ui/text/export_text.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QToolButton>
#include <QVBoxLayout>

namespace rashisa::ui {

NamePatternPanel::NamePatternPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(6);
  edit_ = new QLineEdit(this);
  edit_->setAccessibleName(tr("File-name pattern"));
  edit_->setToolTip(tr("Each image's file name; the extension (.png or .jpg) is added."));
  edit_->setMaxLength(200);
  layout->addWidget(edit_);

  auto* row = new QHBoxLayout;
  row->setSpacing(4);
  auto* insertLabel = new QLabel(tr("Insert:"), this);
  row->addWidget(insertLabel);
  for (const NamePlaceholder& p : ExportText::placeholders()) {
    auto* b = new QToolButton(this);
    b->setText(p.label);
    b->setToolTip(tr("Inserts %1: %2").arg(p.token, p.help));
    b->setAccessibleName(tr("Insert %1").arg(p.label));
    const QString token = p.token;
    connect(b, &QToolButton::clicked, this, [this, token] { insert(token); });
    row->addWidget(b);
    buttons_.push_back(b);
  }
  row->addStretch(1);
  layout->addLayout(row);

  auto* previewTitle = new QLabel(tr("The first file names:"), this);
  previewTitle->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(previewTitle);
  for (int k = 0; k < kShown; ++k) {
    auto* l = new QLabel(this);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setContentsMargins(12, 0, 0, 0);
    layout->addWidget(l);
    nameLabels_.push_back(l);
  }
  more_ = new QLabel(this);
  more_->setContentsMargins(12, 0, 0, 0);
  more_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(more_);
  problemLabel_ = new QLabel(this);
  problemLabel_->setWordWrap(true);
  problemLabel_->setStyleSheet(QStringLiteral("color: #b3261e;"));
  problemLabel_->hide();
  layout->addWidget(problemLabel_);

  connect(edit_, &QLineEdit::textChanged, this, &NamePatternPanel::patternChanged);
}

QString NamePatternPanel::pattern() const { return edit_->text(); }

void NamePatternPanel::setPattern(const QString& pattern) { edit_->setText(pattern); }

void NamePatternPanel::insert(const QString& token) {
  edit_->insert(token);
  edit_->setFocus();
}

void NamePatternPanel::setNames(const QStringList& names, const QString& engineProblem) {
  problem_.clear();
  engineProblem_ = engineProblem;
  if (!engineProblem.isEmpty())
    problem_ = ExportText::patternProblem(edit_->text(), engineProblem);
  else if (QSet<QString>(names.begin(), names.end()).size() < names.size())
    problem_ = ExportText::repeatedNames();
  const bool ok = problem_.isEmpty();
  for (int k = 0; k < kShown; ++k) {
    nameLabels_[k]->setText(ok ? names.value(k) : QString());
    nameLabels_[k]->setVisible(ok && k < names.size());
  }
  const int rest = static_cast<int>(names.size()) - kShown;
  if (names.isEmpty())
    more_->setText(tr("(no approved images yet)"));
  else
    more_->setText(rest > 0 ? tr("… and %n more", nullptr, rest) : QString());
  more_->setVisible(ok && (rest > 0 || names.isEmpty()));
  problemLabel_->setText(problem_);
  problemLabel_->setVisible(!ok);
}

QStringList NamePatternPanel::shownNames() const {
  QStringList out;
  for (QLabel* l : nameLabels_)
    if (l->isVisibleTo(this) && !l->text().isEmpty()) out << l->text();
  return out;
}

}  // namespace rashisa::ui
