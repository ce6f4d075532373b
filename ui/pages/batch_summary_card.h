#pragma once
// The Generate page's summary of the batch as chosen: how many images from how many prompts,
// the time it takes on this computer and the first prompts as the model will read them. (Why
// a batch cannot be made is said beside the start button.)
#include "ui/jobs/catalogue_types.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace rashisa::ui {

class BatchSummaryCard : public QFrame {
  Q_OBJECT

 public:
  explicit BatchSummaryCard(QWidget* parent = nullptr);

  /// The plan for the choices is being counted.
  void showCounting();
  /// `seconds`: the estimate on this computer (nullopt: not measured yet); `measuring` while
  /// the measurement runs.
  void showPlan(const BatchPlan& plan, const BatchRequest& request, std::optional<double> seconds, bool measuring);
  /// Nothing can be planned (no project, no trained product): `why` says what to do.
  void showBlocked(const QString& why);

  QLabel* headline() const { return headline_; }
  QLabel* detail() const { return detail_; }
  QLabel* timeLabel() const { return time_; }
  QLabel* examples() const { return examples_; }
  QPushButton* measureButton() const { return measure_; }

 Q_SIGNALS:
  void measureRequested();

 private:
  QLabel* headline_;
  QLabel* time_;
  QPushButton* measure_;
  QLabel* detail_;
  QLabel* examplesTitle_;
  QLabel* examples_;
};

}  // namespace rashisa::ui
