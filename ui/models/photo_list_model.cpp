#include "ui/models/photo_list_model.h"

#include <algorithm>

#include <QSize>

namespace rashisa::ui {

PhotoListModel::PhotoListModel(QObject* parent) : QAbstractListModel(parent) {}

PhotoListModel::Item PhotoListModel::makeItem(const Photo& photo, const QList<PhotoFinding>& findings) {
  Item it;
  it.photo = photo;
  if (!photo.thumbnail.isNull()) it.pixmap = QPixmap::fromImage(photo.thumbnail);
  for (const PhotoFinding& f : findings) {
    if (!f.photoIds.contains(photo.id)) continue;
    it.codes.push_back(f.code);
    if (!it.worst || static_cast<int>(f.severity) > static_cast<int>(*it.worst)) it.worst = f.severity;
  }
  return it;
}

void PhotoListModel::setPhotos(const QList<Photo>& photos, const QList<PhotoFinding>& findings) {
  // Remove rows whose photo is gone (from the end, so row numbers stay valid).
  for (int row = static_cast<int>(items_.size()) - 1; row >= 0; --row) {
    const qint64 id = items_[row].photo.id;
    const bool stays = std::any_of(photos.begin(), photos.end(), [&](const Photo& p) { return p.id == id; });
    if (stays) continue;
    beginRemoveRows({}, row, row);
    items_.removeAt(row);
    endRemoveRows();
  }
  // Update the ones that stay; append the new ones.
  QList<Item> fresh;
  for (const Photo& p : photos) {
    const int row = rowOf(p.id);
    if (row < 0) {
      fresh.push_back(makeItem(p, findings));
      continue;
    }
    Item updated = makeItem(p, findings);
    if (p.thumbnail.cacheKey() == items_[row].photo.thumbnail.cacheKey()) updated.pixmap = items_[row].pixmap;
    items_[row] = std::move(updated);
    Q_EMIT dataChanged(index(row), index(row));
  }
  if (!fresh.isEmpty()) {
    const int first = static_cast<int>(items_.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    items_.append(fresh);
    endInsertRows();
  }
}

int PhotoListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Item& it = items_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return it.photo.fileName;
    case Qt::DecorationRole: return it.pixmap;
    case Qt::ToolTipRole: {
      QString tip = tr("%1\n%2 × %3 pixels").arg(it.photo.fileName).arg(it.photo.width).arg(it.photo.height);
      return tip;
    }
    case Qt::AccessibleTextRole: return it.photo.fileName;
    case IdRole: return it.photo.id;
    case SeverityRole: return it.worst ? static_cast<int>(*it.worst) : -1;
    case FindingsRole: return it.codes;
    case SizeRole: return QSize(it.photo.width, it.photo.height);
    default: return {};
  }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const {
  auto names = QAbstractListModel::roleNames();
  names[IdRole] = "photoId";
  names[SeverityRole] = "severity";
  names[FindingsRole] = "findings";
  names[SizeRole] = "pixelSize";
  return names;
}

qint64 PhotoListModel::idAt(int row) const {
  return row >= 0 && row < items_.size() ? items_[row].photo.id : -1;
}

int PhotoListModel::rowOf(qint64 id) const {
  for (int i = 0; i < items_.size(); ++i)
    if (items_[i].photo.id == id) return i;
  return -1;
}

}  // namespace rashisa::ui
