#include "ui/models/image_list_model.h"

#include "ui/text/batch_text.h"

namespace rashisa::ui {

ImageListModel::ImageListModel(QObject* parent) : KeyedListModel<ImageRow>(parent) {}

ImageRow ImageListModel::makeRow(const ImageItem& image) {
  ImageRow row;
  row.image = image;
  if (!image.thumbnail.isNull()) row.pixmap = QPixmap::fromImage(image.thumbnail);
  return row;
}

void ImageListModel::setImages(const QList<ImageItem>& images) {
  QList<ImageRow> rows;
  rows.reserve(images.size());
  for (const ImageItem& image : images) {
    ImageRow row;
    row.image = image;
    const int existing = rowOf(image.id);
    // A stored image never changes its picture: its pixmap is made once, not at every refresh.
    if (existing >= 0 && !rows_[existing].pixmap.isNull())
      row.pixmap = rows_[existing].pixmap;
    else if (!image.thumbnail.isNull())
      row.pixmap = QPixmap::fromImage(image.thumbnail);
    rows.push_back(std::move(row));
  }
  replaceRows(rows);
}

void ImageListModel::addImage(const ImageItem& image) {
  const int row = rowOf(image.id);
  if (row >= 0) {
    rows_[row] = makeRow(image);
    Q_EMIT dataChanged(index(row), index(row));
    return;
  }
  appendRows({makeRow(image)});
}

QVariant ImageListModel::data(const QModelIndex& index, int role) const {
  const ImageRow* row = rowAt(index);
  if (!row) return {};
  const ImageItem& i = row->image;
  switch (role) {
    case Qt::DisplayRole: return i.templateLabel;
    case Qt::DecorationRole: return row->pixmap;
    case Qt::ToolTipRole: return BatchText::imageTip(i);
    case Qt::AccessibleTextRole: return BatchText::imageTip(i);
    case IdRole: return i.id;
    case ReviewRole: return static_cast<int>(i.review);
    case SeedRole: return i.seed;
    default: return {};
  }
}

QHash<int, QByteArray> ImageListModel::roleNames() const {
  auto names = QAbstractListModel::roleNames();
  names[IdRole] = "imageId";
  names[ReviewRole] = "review";
  names[SeedRole] = "seed";
  return names;
}

}  // namespace rashisa::ui
