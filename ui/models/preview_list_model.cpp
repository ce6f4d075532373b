#include "ui/models/preview_list_model.h"

#include "ui/widgets/heatmap.h"
#include "ui/widgets/stage_stepper.h"

namespace rashisa::ui {

namespace {
constexpr int kIconSize = 96;
}

PreviewListModel::PreviewListModel(QObject* parent) : QAbstractListModel(parent) {}

PreviewListModel::Item PreviewListModel::makeItem(const TrainingPreview& p) {
  Item it;
  it.preview = p;
  it.overlay = heatOverlay(p.image, p.heat);
  if (!p.image.isNull())
    it.plainIcon = QPixmap::fromImage(p.image.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
  if (!it.overlay.isNull())
    it.heatIcon =
        QPixmap::fromImage(it.overlay.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation));
  return it;
}

void PreviewListModel::setPreviews(const QList<TrainingPreview>& previews) {
  beginResetModel();
  items_.clear();
  for (const auto& p : previews) items_.push_back(makeItem(p));
  endResetModel();
}

void PreviewListModel::addPreview(const TrainingPreview& p) {
  for (int row = 0; row < items_.size(); ++row) {
    const auto& q = items_[row].preview;
    if (q.stage == p.stage && q.step == p.step && q.seed == p.seed) {
      items_[row] = makeItem(p);
      Q_EMIT dataChanged(index(row), index(row));
      return;
    }
  }
  const int row = static_cast<int>(items_.size());
  beginInsertRows({}, row, row);
  items_.push_back(makeItem(p));
  endInsertRows();
}

void PreviewListModel::clear() {
  if (items_.isEmpty()) return;
  beginResetModel();
  items_.clear();
  endResetModel();
}

void PreviewListModel::setShowHeat(bool show) {
  if (show == showHeat_) return;
  showHeat_ = show;
  if (!items_.isEmpty()) Q_EMIT dataChanged(index(0), index(static_cast<int>(items_.size()) - 1), {Qt::DecorationRole});
}

int PreviewListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QString PreviewListModel::caption(int stage, qint64 step) {
  return tr("Stage %1 · step %2").arg(stage).arg(step);
}

QVariant PreviewListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Item& it = items_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return caption(it.preview.stage, it.preview.step);
    case Qt::DecorationRole: return showHeat_ ? it.heatIcon : it.plainIcon;
    case Qt::ToolTipRole:
      return tr("%1: %2, seed %3")
          .arg(caption(it.preview.stage, it.preview.step), StageStepper::stageTitle(it.preview.stage))
          .arg(it.preview.seed);
    case StageRole: return it.preview.stage;
    case StepRole: return it.preview.step;
    case SeedRole: return it.preview.seed;
    case ImageRole: return it.preview.image;
    case OverlayRole: return it.overlay;
    default: return {};
  }
}

}  // namespace rashisa::ui
