#pragma once
// The photo checks' findings in plain words, most serious first, each with its advice, the
// photos it is about and what can be done about it right here.
#include "ui/jobs/engine_types.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace rashisa::ui {

class FindingsPanel : public QFrame {
  Q_OBJECT

 public:
  explicit FindingsPanel(QWidget* parent = nullptr);

  void setFindings(const QList<PhotoFinding>& findings, const QList<Photo>& photos);
  /// Finding cards shown now (tests).
  int cardCount() const { return cards_; }
  /// Enables the cards' buttons that change the photos (off while the project is read-only or
  /// the product is learning); "Show" stays.
  void setChangesAllowed(bool allowed);

 Q_SIGNALS:
  void removePhotosRequested(const QList<qint64>& ids);
  void selectPhotosRequested(const QList<qint64>& ids);
  void addPhotosRequested();

 private:
  QWidget* makeCard(const PhotoFinding& finding, const QList<Photo>& photos);

  QLabel* heading_;
  QLabel* allGood_;
  QVBoxLayout* list_;
  int cards_ = 0;
  bool changesAllowed_ = true;
  QList<QPushButton*> changeButtons_;  // on the current cards
};

}  // namespace rashisa::ui
