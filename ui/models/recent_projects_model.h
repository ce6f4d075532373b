#pragma once
// Recently opened projects for the Start page: thumbnail, name, products trained, images made,
// last opened.
#include "ui/settings/settings.h"

#include <QAbstractListModel>
#include <QPixmap>

namespace rashisa::ui {

class RecentProjectsModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role { PathRole = Qt::UserRole + 1, SubtitleRole, MissingRole };

  explicit RecentProjectsModel(QObject* parent = nullptr);

  void setProjects(const QList<RecentProject>& projects);
  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

 private:
  struct Item {
    RecentProject project;
    QPixmap thumbnail;
    bool missing = false;
  };
  QList<Item> items_;
};

}  // namespace rashisa::ui
