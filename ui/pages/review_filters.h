#pragma once
// The Review page's filters: review state, template, product and the value of a template
// variable ("Background: White"). The lists follow the project; what is chosen stays chosen
// while it still exists.
#include "ui/jobs/engine_types.h"

#include <QWidget>

class QComboBox;
class QPushButton;

namespace rashisa::ui {

class ReviewFilters : public QWidget {
  Q_OBJECT

 public:
  explicit ReviewFilters(QWidget* parent = nullptr);

  /// Rebuilds the lists from the project's images and templates (the values: of the chosen
  /// template). A choice that no longer exists falls back to "all"; returns false then.
  bool refresh(const ProjectSnapshot& project);
  bool passes(const ImageItem& image) const;
  /// Any filter is set.
  bool active() const;
  void clear();

  QComboBox* statusBox() const { return status_; }
  QComboBox* templateBox() const { return template_; }
  QComboBox* productBox() const { return product_; }
  QComboBox* valueBox() const { return value_; }
  QPushButton* clearButton() const { return clear_; }
  /// Chooses the entry whose data is `data` (tests and "show only ..." actions).
  static bool choose(QComboBox* box, const QVariant& data);

 Q_SIGNALS:
  void changed();

 private:
  bool fillTemplates(const ProjectSnapshot& project);
  bool fillProducts(const ProjectSnapshot& project);
  bool fillValues(const ProjectSnapshot& project);

  QComboBox* status_;
  QComboBox* template_;
  QComboBox* product_;
  QComboBox* value_;
  QPushButton* clear_;
};

}  // namespace rashisa::ui
