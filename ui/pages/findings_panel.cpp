#include "ui/pages/findings_panel.h"

#include "ui/text/finding_text.h"
#include "ui/widgets/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace rashisa::ui {

namespace {

const Photo* findPhoto(const QList<Photo>& photos, qint64 id) {
  for (const Photo& p : photos)
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace

FindingsPanel::FindingsPanel(QWidget* parent) : QFrame(parent) {
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->setSpacing(6);
  heading_ = new QLabel(tr("To check"), this);
  QFont f = heading_->font();
  f.setBold(true);
  heading_->setFont(f);
  outer->addWidget(heading_);
  allGood_ = new QLabel(tr("No problems found. These photos are ready for learning."), this);
  allGood_->setWordWrap(true);
  outer->addWidget(allGood_);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* content = new QWidget(scroll);
  list_ = new QVBoxLayout(content);
  list_->setContentsMargins(0, 0, 6, 0);
  list_->setSpacing(8);
  list_->addStretch(1);
  scroll->setWidget(content);
  outer->addWidget(scroll, 1);
}

void FindingsPanel::setChangesAllowed(bool allowed) {
  changesAllowed_ = allowed;
  for (QPushButton* b : std::as_const(changeButtons_)) b->setEnabled(allowed);
}

void FindingsPanel::setFindings(const QList<PhotoFinding>& findings, const QList<Photo>& photos) {
  changeButtons_.clear();
  while (list_->count() > 1) {
    QLayoutItem* item = list_->takeAt(0);
    delete item->widget();
    delete item;
  }
  QList<PhotoFinding> sorted = findings;
  std::stable_sort(sorted.begin(), sorted.end(), [](const PhotoFinding& a, const PhotoFinding& b) {
    return static_cast<int>(a.severity) > static_cast<int>(b.severity);
  });
  cards_ = 0;
  for (const PhotoFinding& f : sorted) {
    list_->insertWidget(cards_, makeCard(f, photos));
    ++cards_;
  }
  allGood_->setVisible(cards_ == 0 && !photos.isEmpty());
}

QWidget* FindingsPanel::makeCard(const PhotoFinding& finding, const QList<Photo>& photos) {
  const FindingText text = PhotoText::finding(finding, static_cast<int>(photos.size()));
  auto* card = new QFrame;
  card->setObjectName(QStringLiteral("findingCard"));
  card->setStyleSheet(QStringLiteral("QFrame#findingCard { border: 1px solid #d5dbe1; border-left: 4px solid %1; "
                                     "border-radius: 4px; }")
                          .arg(icons::severityColor(finding.severity).name()));
  auto* layout = new QVBoxLayout(card);
  layout->setContentsMargins(10, 8, 10, 8);
  layout->setSpacing(4);
  auto* head = new QHBoxLayout;
  auto* icon = new QLabel(card);
  icon->setPixmap(icons::badge(finding.severity).pixmap(18, 18));
  auto* title = new QLabel(text.title, card);
  QFont f = title->font();
  f.setBold(true);
  title->setFont(f);
  title->setWordWrap(true);
  auto* severity = new QLabel(PhotoText::severityName(finding.severity), card);
  severity->setStyleSheet(QStringLiteral("color: %1;").arg(icons::severityColor(finding.severity).name()));
  head->addWidget(icon);
  head->addWidget(title, 1);
  head->addWidget(severity);
  layout->addLayout(head);
  auto* advice = new QLabel(text.advice, card);
  advice->setWordWrap(true);
  layout->addWidget(advice);

  if (!finding.photoIds.isEmpty()) {
    auto* thumbs = new QHBoxLayout;
    int shown = 0;
    for (qint64 id : finding.photoIds) {
      const Photo* p = findPhoto(photos, id);
      if (!p || shown == 4) continue;
      auto* t = new QLabel(card);
      t->setToolTip(p->fileName);
      if (!p->thumbnail.isNull())
        t->setPixmap(QPixmap::fromImage(p->thumbnail.scaled(44, 44, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
      thumbs->addWidget(t);
      ++shown;
    }
    thumbs->addStretch(1);
    layout->addLayout(thumbs);
  }

  auto* actions = new QHBoxLayout;
  actions->addStretch(1);
  const QList<qint64> ids = finding.photoIds;
  const bool group = finding.code == QLatin1String("exact-duplicate") || finding.code == QLatin1String("near-duplicate");
  if (group && ids.size() > 1) {
    auto* keepOne = new QPushButton(tr("Keep only the first"), card);
    connect(keepOne, &QPushButton::clicked, this, [this, ids] { Q_EMIT removePhotosRequested(ids.mid(1)); });
    actions->addWidget(keepOne);
    changeButtons_ << keepOne;
  } else if (!ids.isEmpty()) {
    auto* remove = new QPushButton(ids.size() == 1 ? tr("Remove this photo") : tr("Remove these photos"), card);
    connect(remove, &QPushButton::clicked, this, [this, ids] { Q_EMIT removePhotosRequested(ids); });
    actions->addWidget(remove);
    changeButtons_ << remove;
  }
  if (!ids.isEmpty()) {
    auto* show = new QPushButton(tr("Show"), card);
    show->setToolTip(tr("Select these photos in the grid"));
    connect(show, &QPushButton::clicked, this, [this, ids] { Q_EMIT selectPhotosRequested(ids); });
    actions->insertWidget(1, show);
  }
  if (finding.code == QLatin1String("too-few-photos")) {
    auto* add = new QPushButton(tr("Add photos…"), card);
    connect(add, &QPushButton::clicked, this, &FindingsPanel::addPhotosRequested);
    actions->addWidget(add);
    changeButtons_ << add;
  }
  layout->addLayout(actions);
  for (QPushButton* b : std::as_const(changeButtons_)) b->setEnabled(changesAllowed_);
  return card;
}

}  // namespace rashisa::ui
