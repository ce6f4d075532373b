#pragma once
// The project's photos for the thumbnail grid: thumbnail, file name and the worst severity of
// the findings about each photo. Updates keep rows (and the selection) of photos that stay.
#include "ui/jobs/engine_types.h"

#include <QAbstractListModel>
#include <QPixmap>

#include <optional>

namespace rashisa::ui {

class PhotoListModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    IdRole = Qt::UserRole + 1,
    SeverityRole,   // int(Severity) of the worst finding, or -1 for none
    FindingsRole,   // QStringList of finding codes
    SizeRole,       // QSize in pixels
  };

  explicit PhotoListModel(QObject* parent = nullptr);

  /// Replaces the content: photos that stay keep their rows, gone ones are removed, new ones
  /// are appended in order.
  void setPhotos(const QList<Photo>& photos, const QList<PhotoFinding>& findings);

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;

  qint64 idAt(int row) const;
  int rowOf(qint64 id) const;

 private:
  struct Item {
    Photo photo;
    QPixmap pixmap;
    std::optional<Severity> worst;
    QStringList codes;
  };
  static Item makeItem(const Photo& photo, const QList<PhotoFinding>& findings);
  QList<Item> items_;
};

}  // namespace rashisa::ui
