#include "ui/models/recent_projects_model.h"

#include <QFileInfo>
#include <QLocale>

namespace rashisa::ui {

RecentProjectsModel::RecentProjectsModel(QObject* parent) : QAbstractListModel(parent) {}

void RecentProjectsModel::setProjects(const QList<RecentProject>& projects) {
  beginResetModel();
  items_.clear();
  for (const auto& p : projects) {
    Item it;
    it.project = p;
    if (!p.thumbnailPng.isEmpty()) it.thumbnail.loadFromData(p.thumbnailPng, "PNG");
    it.missing = !QFileInfo::exists(p.path);
    items_.push_back(it);
  }
  endResetModel();
}

int RecentProjectsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant RecentProjectsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Item& it = items_[index.row()];
  const RecentProject& p = it.project;
  switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: return p.name;
    case Qt::DecorationRole: return it.thumbnail;
    case Qt::ToolTipRole: return p.path;
    case PathRole: return p.path;
    case MissingRole: return it.missing;
    case SubtitleRole: {
      if (it.missing) return tr("Not found at %1").arg(p.path);
      const QString when = QLocale().toString(p.lastOpened.toLocalTime(), QLocale::ShortFormat);
      return tr("%n product(s) trained", nullptr, p.productsTrained) + QStringLiteral(" · ") +
             tr("%n image(s)", nullptr, static_cast<int>(p.imagesMade)) + QStringLiteral(" · ") +
             tr("opened %1").arg(when);
    }
    default: return {};
  }
}

}  // namespace rashisa::ui
