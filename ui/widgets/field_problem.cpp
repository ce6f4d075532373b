#include "ui/widgets/field_problem.h"

#include "ui/widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace rashisa::ui {

FieldProblem::FieldProblem(QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(8);
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setStyleSheet(QStringLiteral("color: %1;").arg(icons::error().name()));
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  copy_ = new QPushButton(tr("Copy details"), this);
  copy_->setFlat(true);
  row->addWidget(label_, 1);
  row->addWidget(copy_, 0, Qt::AlignTop);
  connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(details_); });
  hide();
}

void FieldProblem::setProblems(const QStringList& lines, const QString& details) {
  details_ = details;
  label_->setText(lines.join(QLatin1Char('\n')));
  copy_->setVisible(!details.isEmpty());
  setVisible(!lines.isEmpty());
}

QString FieldProblem::text() const { return label_->text(); }

}  // namespace rashisa::ui
