#pragma once
// Every setting of the image on the Review page — prompt, negative prompt, seed, sampler,
// steps, guidance, size, template and its values, product, base model, when it was made and
// who reviewed it — with "make again with these settings" and "more like this".
#include "ui/jobs/engine_types.h"

#include <QMap>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;

namespace rashisa::ui {

class ImageInfoPanel : public QWidget {
  Q_OBJECT

 public:
  enum class Field { Prompt, Negative, Seed, Sampler, Steps, Guidance, Size, Template, Values, Product, Model, Made,
                     Review };

  explicit ImageInfoPanel(QWidget* parent = nullptr);

  /// Shows the image's settings (nullptr: nothing chosen). `project` for the template's and
  /// its variables' names.
  void showImage(const ImageItem* image, const ProjectSnapshot& project);
  /// The two actions can run now; otherwise `why` says when they can.
  void setActionsEnabled(bool enabled, const QString& why);
  void showRegenerating();
  void showRegenerated(bool identical);
  void clearRegenerated();

  QString field(Field field) const;
  QPushButton* regenerateButton() const { return regenerate_; }
  QPushButton* moreButton() const { return more_; }
  QLabel* regenerateStatus() const { return status_; }
  /// How many new seeds "more like this" makes.
  static constexpr int kMoreCount = 4;

 Q_SIGNALS:
  void regenerateRequested(qint64 imageId);
  void moreRequested(qint64 imageId);

 private:
  void addField(Field field, const QString& label);
  static QString valuesText(const ImageItem& image, const ProjectSnapshot& project);
  static QString reviewText(const ImageItem& image);

  QFormLayout* form_;
  QMap<Field, QLabel*> values_;
  QLabel* empty_;
  QWidget* fields_;
  QScrollArea* scroll_;
  QPushButton* regenerate_;
  QPushButton* more_;
  QLabel* status_;
  QLabel* why_;
  qint64 imageId_ = 0;
  bool enabled_ = true;
};

}  // namespace rashisa::ui
