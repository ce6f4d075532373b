#pragma once
// Generated images for the Generate page's gallery and the Review page's grid: thumbnail,
// template name and review state. Updates keep the rows (and the selection) of images that stay.
#include "ui/jobs/catalogue_types.h"
#include "ui/models/keyed_list_model.h"

#include <QPixmap>

namespace rashisa::ui {

struct ImageRow {
  ImageItem image;
  QPixmap pixmap;
  qint64 key() const { return image.id; }
};

class ImageListModel : public KeyedListModel<ImageRow> {
  Q_OBJECT

 public:
  enum Role {
    IdRole = Qt::UserRole + 1,
    ReviewRole,  // int(ReviewState)
    SeedRole,
  };

  explicit ImageListModel(QObject* parent = nullptr);

  /// Replaces the content (rows of images that stay are kept). `templateLabel` of each image is
  /// what the tile shows.
  void setImages(const QList<ImageItem>& images);
  /// Appends one image (a batch just stored it); an image already shown is updated.
  void addImage(const ImageItem& image);

  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QHash<int, QByteArray> roleNames() const override;

  const ImageItem* imageAt(int row) const { return row >= 0 && row < rows_.size() ? &rows_[row].image : nullptr; }
  qint64 idAt(int row) const { return keyAt(row); }

 private:
  static ImageRow makeRow(const ImageItem& image);
};

}  // namespace rashisa::ui
