#pragma once
// Training previews, oldest first: each the image of one fixed seed at one point of training,
// shown plain or with the product token's attention heat map laid over it.
#include "ui/jobs/engine_types.h"

#include <QAbstractListModel>
#include <QPixmap>

namespace rashisa::ui {

class PreviewListModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    StageRole = Qt::UserRole + 1,
    StepRole,
    SeedRole,
    ImageRole,    // QImage, plain
    OverlayRole,  // QImage with the heat map
  };

  explicit PreviewListModel(QObject* parent = nullptr);

  void setPreviews(const QList<TrainingPreview>& previews);
  /// Adds or replaces (same stage, step and seed) one preview.
  void addPreview(const TrainingPreview& preview);
  void clear();
  void setShowHeat(bool show);
  bool showHeat() const { return showHeat_; }

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  const TrainingPreview& at(int row) const { return items_[row].preview; }
  static QString caption(int stage, qint64 step);

 private:
  struct Item {
    TrainingPreview preview;
    QImage overlay;
    QPixmap plainIcon;
    QPixmap heatIcon;
  };
  static Item makeItem(const TrainingPreview& p);
  QList<Item> items_;
  bool showHeat_ = true;
};

}  // namespace rashisa::ui
