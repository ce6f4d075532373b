#pragma once
// The main window: the step rail, one page per step, the job bar, the menus, and a careful
// close while a job runs (it asks, stops the job so training saves its progress, and waits).
#include "ui/window/app_controller.h"

#include <QMainWindow>
#include <QMap>

class QStackedWidget;

namespace rashisa::ui {

class ExportPage;
class GeneratePage;
class JobBar;
class LearnPage;
class ReviewPage;
class TemplatesPage;
class Page;
class PhotosPage;
class StartPage;
class StepRail;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(AppController& controller, QWidget* parent = nullptr);
  ~MainWindow() override;

  void showPage(PageId page);
  PageId currentPage() const { return current_; }
  StartPage* startPage() const { return start_; }
  PhotosPage* photosPage() const { return photos_; }
  LearnPage* learnPage() const { return learn_; }
  TemplatesPage* templatesPage() const { return templates_; }
  GeneratePage* generatePage() const { return generate_; }
  ReviewPage* reviewPage() const { return review_; }
  ExportPage* exportPage() const { return export_; }
  StepRail* rail() const { return rail_; }
  JobBar* jobBar() const { return jobBar_; }
  Page* page(PageId id) const;

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void buildMenus();
  void updateRail();
  void updateCatalogueRail();
  void onProjectChanged();
  void onNotice(PageId page, const Notice& notice);
  bool confirmClose();
  void chooseLanguage(const QString& language);

  AppController& controller_;
  StepRail* rail_;
  QStackedWidget* stack_;
  StartPage* start_;
  PhotosPage* photos_;
  LearnPage* learn_;
  TemplatesPage* templates_;
  GeneratePage* generate_;
  ReviewPage* review_;
  ExportPage* export_;
  JobBar* jobBar_;
  PageId current_ = PageId::Start;
  QString shownProject_;
  bool closing_ = false;
};

}  // namespace rashisa::ui
