#pragma once
// The live total of the chosen templates: "3 templates × 4 × 2 × 4 seeds = 96 images (about
// 3 minutes)", the time from this computer's measured speed. Over the cap it says why and what
// to change.
#include "ui/jobs/catalogue_types.h"

#include <QFrame>

#include <functional>
#include <optional>

class QLabel;

namespace rashisa::ui {

class TemplateTotalLine : public QFrame {
  Q_OBJECT

 public:
  /// Seconds for `images` images with `imageSteps` steps in all at `size` px (nullopt: unknown).
  using Estimate = std::function<std::optional<double>(qint64 imageSteps, qint64 images, int size)>;

  explicit TemplateTotalLine(QWidget* parent = nullptr);

  /// `products`: how many products the images are made for (at least 1 is counted).
  void setTemplates(const QList<TemplateItem>& chosen, int products, const Estimate& estimate);
  qint64 images() const { return images_; }
  bool overCap() const { return images_ > cap(); }
  static qint64 cap() { return BatchPlan{}.cap; }

  QLabel* totalLabel() const { return total_; }
  QLabel* capLabel() const { return capText_; }

 private:
  QString formula(const QList<TemplateItem>& chosen, int products) const;

  QLabel* total_;
  QLabel* capText_;
  qint64 images_ = 0;
};

}  // namespace rashisa::ui
