#include "ui/pages/template_import_panel.h"

#include "ui/models/text_table_model.h"
#include "ui/text/template_text.h"
#include "ui/widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rashisa::ui {

TemplateImportPanel::TemplateImportPanel(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("importProblems"));
  setStyleSheet(QStringLiteral("QFrame#importProblems { background: #fbe9e9; border: 1px solid %1; border-radius: 6px; }"
                               "QFrame#importProblems QLabel { background: transparent; }")
                    .arg(icons::error().name()));
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(10, 8, 8, 8);
  column->setSpacing(6);
  auto* head = new QHBoxLayout;
  auto* icon = new QLabel(this);
  icon->setPixmap(icons::badge(Severity::Error).pixmap(22, 22));
  title_ = new QLabel(this);
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  retry_ = new QPushButton(tr("Import again…"), this);
  copy_ = new QPushButton(tr("Copy details"), this);
  auto* close = new QToolButton(this);
  close->setText(QStringLiteral("×"));
  close->setAutoRaise(true);
  close->setToolTip(tr("Close this list"));
  close->setAccessibleName(tr("Close this list"));
  head->addWidget(icon, 0, Qt::AlignTop);
  head->addWidget(title_, 1);
  head->addWidget(retry_);
  head->addWidget(copy_);
  head->addWidget(close);
  column->addLayout(head);
  model_ = new TextTableModel({tr("Where"), tr("Field"), tr("What to fix")}, this);
  view_ = new QTableView(this);
  view_->setModel(model_);
  view_->setAccessibleName(tr("Problems in the file"));
  view_->setSelectionBehavior(QAbstractItemView::SelectRows);
  view_->verticalHeader()->hide();
  view_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  view_->horizontalHeader()->setStretchLastSection(true);
  column->addWidget(view_);
  connect(retry_, &QPushButton::clicked, this, &TemplateImportPanel::retryRequested);
  connect(copy_, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(details_); });
  connect(close, &QToolButton::clicked, this, &QWidget::hide);
  hide();
}

void TemplateImportPanel::showProblems(const QString& path, const QList<TemplateProblem>& problems) {
  QList<QStringList> rows;
  for (const TemplateProblem& p : problems)
    rows.push_back({TemplateText::where(p), TemplateText::fieldName(p.field), TemplateText::problem(p)});
  model_->setRows(rows);
  view_->resizeColumnsToContents();
  // As tall as the rows (up to six; more scroll), so the editor below keeps its room.
  const int shown = std::clamp(static_cast<int>(rows.size()), 1, 6);
  view_->setFixedHeight(view_->horizontalHeader()->sizeHint().height() +
                        shown * view_->verticalHeader()->defaultSectionSize() + 2 * view_->frameWidth() + 2);
  title_->setText(tr("Nothing was imported from \"%1\": %n problem(s) to fix in the file. Fix them all, then "
                     "import it again.",
                     nullptr, static_cast<int>(problems.size()))
                      .arg(QFileInfo(path).fileName()));
  details_ = path + QLatin1Char('\n') + TemplateText::details(problems);
  setVisible(!problems.isEmpty());
}

}  // namespace rashisa::ui
