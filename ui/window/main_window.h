#pragma once
// The main window: the step rail, one page per step, the job bar, the menus, and a careful
// close while a job runs (it asks, stops the job so training saves its progress, and waits).
#include "ui/window/app_controller.h"

#include <QMainWindow>
#include <QMap>
#include <QPointer>

class QStackedWidget;

namespace rashisa::ui {

class ExportPage;
class FirstStartWizard;
class SettingsDialog;
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

  /// Opens the first-start wizard (window-modal, not blocking) and returns it.
  FirstStartWizard* showFirstStart();
  /// Opens it when the first start has not been done yet (the caller decides when: main()
  /// after showing the window; tests whenever they like). nullptr when it is not needed.
  FirstStartWizard* showFirstStartIfNeeded();
  /// Opens the Preferences (window-modal, not blocking) and returns the dialog.
  SettingsDialog* showPreferences();
  /// The About box's text: version, what Rashisa does, and where its log file is.
  QString aboutText() const;

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
  void updateSummary();

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
  QPointer<FirstStartWizard> wizard_;
  QPointer<SettingsDialog> preferences_;
};

}  // namespace rashisa::ui
