#pragma once
// The Photos page: bring in 5-20 photos of the product (drop files or folders anywhere on the
// page, or choose them), see each photo's check result, act on the findings, and name the
// product and what kind of thing it is.
#include "ui/jobs/engine_types.h"
#include "ui/pages/page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace rashisa::ui {

class FindingsPanel;
class PhotoListModel;

class PhotosPage : public Page {
  Q_OBJECT

 public:
  explicit PhotosPage(AppController& controller, QWidget* parent = nullptr);

  PhotoListModel* photoModel() const { return model_; }
  QListView* grid() const { return grid_; }
  FindingsPanel* findings() const { return findings_; }
  QLineEdit* nameEdit() const { return name_; }
  QComboBox* categoryBox() const { return category_; }
  QLabel* categoryStatus() const { return categoryStatus_; }
  QLabel* summary() const { return summary_; }
  QLabel* nextReason() const { return nextReason_; }
  QPushButton* nextButton() const { return next_; }
  QPushButton* addFilesButton() const { return addFiles_; }
  QPushButton* removeButton() const { return remove_; }
  bool showsDropZone() const;

 Q_SIGNALS:
  void nextRequested();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  QWidget* buildDropZone();
  QWidget* buildGrid();
  void refresh();
  void showImportReport(const ImportReport& report);
  void commitDraft();
  void onCategoryChecked(const QString& word, const QString& problem, bool checked);
  void selectPhotos(const QList<qint64>& ids);
  void removeSelected();
  QString currentCategoryWord() const;

  PhotoListModel* model_;
  QStackedWidget* stack_;
  QListView* grid_;
  FindingsPanel* findings_;
  QLineEdit* name_;
  QComboBox* category_;
  QLabel* categoryStatus_;
  QLabel* summary_;
  QLabel* nextReason_;
  QPushButton* addFiles_;
  QPushButton* addFolder_;
  QPushButton* remove_;
  QPushButton* next_;
  QLabel* locked_;
  QTimer* draftTimer_;
  QString checkedWord_;
};

}  // namespace rashisa::ui
