#include "ui/window/main_window.h"

#include "ui/pages/export_page.h"
#include "ui/pages/generate_page.h"
#include "ui/pages/learn_page.h"
#include "ui/pages/review_page.h"
#include "ui/pages/templates_page.h"
#include "ui/pages/photos_page.h"
#include "ui/pages/start_page.h"
#include "ui/settings/settings.h"
#include "ui/text/summary_text.h"
#include "ui/window/dialogs.h"
#include "ui/window/first_start_wizard.h"
#include "ui/window/job_bar.h"
#include "ui/window/log_file.h"
#include "ui/window/settings_dialog.h"
#include "ui/window/step_rail.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace rashisa::ui {

MainWindow::MainWindow(AppController& controller, QWidget* parent) : QMainWindow(parent), controller_(controller) {
  setWindowTitle(tr("Rashisa"));
  auto* central = new QWidget(this);
  auto* row = new QHBoxLayout(central);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(0);
  rail_ = new StepRail(central);
  rail_->addStep(PageId::Start, tr("Start"));
  rail_->addStep(PageId::Photos, tr("Photos"));
  rail_->addStep(PageId::Learn, tr("Learn"));
  rail_->addStep(PageId::Templates, tr("Templates"));
  rail_->addStep(PageId::Generate, tr("Generate"));
  rail_->addStep(PageId::Review, tr("Review"));
  rail_->addStep(PageId::Export, tr("Export"));
  row->addWidget(rail_);
  auto* column = new QVBoxLayout;
  column->setSpacing(0);
  stack_ = new QStackedWidget(central);
  start_ = new StartPage(controller, stack_);
  photos_ = new PhotosPage(controller, stack_);
  learn_ = new LearnPage(controller, stack_);
  templates_ = new TemplatesPage(controller, stack_);
  generate_ = new GeneratePage(controller, stack_);
  review_ = new ReviewPage(controller, stack_);
  export_ = new ExportPage(controller, stack_);
  for (Page* p : std::initializer_list<Page*>{start_, photos_, learn_, templates_, generate_, review_, export_})
    stack_->addWidget(p);
  column->addWidget(stack_, 1);
  jobBar_ = new JobBar(controller, central);
  column->addWidget(jobBar_);
  row->addLayout(column, 1);
  setCentralWidget(central);
  buildMenus();

  connect(rail_, &StepRail::stepChosen, this, &MainWindow::showPage);
  connect(photos_, &PhotosPage::nextRequested, this, [this] { showPage(PageId::Learn); });
  connect(generate_, &GeneratePage::reviewRequested, this, [this] { showPage(PageId::Review); });
  connect(&controller_, &AppController::projectChanged, this, &MainWindow::onProjectChanged);
  connect(&controller_, &AppController::trainingChanged, this, &MainWindow::updateRail);
  connect(&controller_, &AppController::batchChanged, this, &MainWindow::updateRail);
  connect(&controller_, &AppController::notice, this, &MainWindow::onNotice);
  connect(&controller_, &AppController::settingsChanged, this, &MainWindow::updateSummary);
  connect(start_, &StartPage::shootRateRequested, this,
          [this] { showPreferences()->focusField(SettingsDialog::Field::ShootHours); });
  const QByteArray geometry = controller_.settings().windowGeometry();
  if (!geometry.isEmpty()) restoreGeometry(geometry);
  showPage(PageId::Start);
  updateRail();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New project…"), QKeySequence::New, this, [this] {
    const QString path = controller_.dialogs().newProjectPath(this);
    if (!path.isEmpty()) controller_.newProject(path);
  });
  file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
    const QString path = controller_.dialogs().openProjectPath(this);
    if (!path.isEmpty()) controller_.openProject(path);
  });
  file->addAction(tr("&Close project"), QKeySequence::Close, this, [this] {
    if (controller_.isTraining() &&
        !controller_.dialogs().confirm(this, tr("Stop training?"),
                                       tr("Closing the project stops the training. Everything so far is saved, and "
                                          "it can resume later."),
                                       tr("Save and close"), tr("Keep training")))
      return;
    if (controller_.isTraining()) controller_.cancelJob();
    controller_.closeProject();
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  QMenu* settings = menuBar()->addMenu(tr("&Settings"));
  QMenu* language = settings->addMenu(tr("&Language"));
  auto* group = new QActionGroup(this);
  const QString current = controller_.settings().language();
  const QList<QPair<QString, QString>> languages = {
      {QString(), tr("Same as the system")}, {QStringLiteral("ja"), tr("Japanese")}, {QStringLiteral("en"), tr("English")}};
  for (const auto& [code, name] : languages) {
    QAction* a = language->addAction(name, this, [this, code = code] { chooseLanguage(code); });
    a->setCheckable(true);
    a->setChecked(code == current);
    group->addAction(a);
  }
  settings->addSeparator();
  settings->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, [this] { showPreferences(); });
  settings->addAction(tr("Run the first-start check again…"), this, [this] { showFirstStart(); });

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Rashisa"), this, [this] { QMessageBox::about(this, tr("About Rashisa"), aboutText()); });
}

QString MainWindow::aboutText() const {
  const LogFile* log = LogFile::current();
  const QString path = QDir::toNativeSeparators(log ? log->path() : LogFile::defaultPath());
  return tr("<b>Rashisa %1</b><p>Learns a product from a few photos and makes catalogue images of it, "
            "on this computer. Nothing is uploaded or downloaded.</p>")
             .arg(QStringLiteral(RASHISA_VERSION)) +
         tr("<p>Log file (for support):<br>%1</p>").arg(path.toHtmlEscaped());
}

namespace {

/// Opens the window's one dialog of a kind (window-modal, not blocking), made when needed.
template <class Dialog>
Dialog* openOnce(QPointer<Dialog>& dialog, AppController& controller, QWidget* parent) {
  if (!dialog) {
    dialog = new Dialog(controller, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
  }
  dialog->open();
  dialog->raise();
  return dialog;
}

}  // namespace

FirstStartWizard* MainWindow::showFirstStart() { return openOnce(wizard_, controller_, this); }

FirstStartWizard* MainWindow::showFirstStartIfNeeded() {
  return controller_.settings().firstStartDone() ? nullptr : showFirstStart();
}

SettingsDialog* MainWindow::showPreferences() { return openOnce(preferences_, controller_, this); }

void MainWindow::updateSummary() {
  const ProjectSummary& s = controller_.project().summary;
  if (!controller_.hasProject() || s.imagesMade == 0) {  // nothing to count yet
    rail_->setProjectSummary({}, {});
    return;
  }
  rail_->setProjectSummary(SummaryText::line(s, controller_.hoursSaved()),
                           SummaryText::explanation(s, controller_.settings().shootHoursPerImage()));
}

void MainWindow::chooseLanguage(const QString& language) {
  controller_.settings().setLanguage(language);
  QMessageBox::information(this, tr("Language"), tr("The new language is used the next time Rashisa starts."));
}

Page* MainWindow::page(PageId id) const {
  switch (id) {
    case PageId::Start: return start_;
    case PageId::Photos: return photos_;
    case PageId::Learn: return learn_;
    case PageId::Templates: return templates_;
    case PageId::Generate: return generate_;
    case PageId::Review: return review_;
    case PageId::Export: return export_;
  }
  return start_;
}

void MainWindow::showPage(PageId id) {
  current_ = id;
  stack_->setCurrentWidget(page(id));
  rail_->setCurrent(id);
}

void MainWindow::onProjectChanged() {
  const QString path = controller_.hasProject() ? controller_.project().path : QString();
  const QString name = QFileInfo(path).completeBaseName();
  setWindowTitle(path.isEmpty() ? tr("Rashisa") : tr("%1 — Rashisa").arg(name));
  rail_->setProjectName(name);
  updateSummary();
  if (path != shownProject_) {
    shownProject_ = path;
    showPage(path.isEmpty() ? PageId::Start : PageId::Photos);
  }
  updateRail();
}

void MainWindow::updateRail() {
  RailItem* photos = rail_->item(PageId::Photos);
  RailItem* learn = rail_->item(PageId::Learn);
  if (!controller_.hasProject()) {
    photos->setBadge(RailItem::Badge::Locked, tr("Open or create a project"));
    learn->setBadge(RailItem::Badge::Locked, tr("Add photos first"));
    for (PageId id : {PageId::Templates, PageId::Generate, PageId::Review, PageId::Export})
      rail_->item(id)->setBadge(RailItem::Badge::Locked, tr("Open or create a project"));
    if (current_ != PageId::Start) showPage(PageId::Start);
    return;
  }
  updateCatalogueRail();
  const ProjectSnapshot& p = controller_.project();
  bool warnings = false;
  for (const PhotoFinding& f : p.findings) warnings = warnings || f.severity != Severity::Info;
  QString why;
  if (p.photos.isEmpty())
    photos->setBadge(RailItem::Badge::Attention, tr("Add 5 to 20 photos"));
  else if (!controller_.photosReady(&why))
    photos->setBadge(RailItem::Badge::Attention, tr("Something to fix"));
  else
    photos->setBadge(warnings ? RailItem::Badge::Attention : RailItem::Badge::Done,
                     tr("%n photo(s)", nullptr, static_cast<int>(p.photos.size())));
  const Product* product = controller_.product();
  if (!controller_.learnUnlocked(&why))
    learn->setBadge(RailItem::Badge::Locked, tr("Photos must be ready first"));
  else if (controller_.isTraining())
    learn->setBadge(RailItem::Badge::None, tr("Learning…"));
  else if (product && product->trained)
    learn->setBadge(RailItem::Badge::Done, tr("Trained"));
  else if (product && product->stage > 0)
    learn->setBadge(RailItem::Badge::Attention, tr("Stopped; can resume"));
  else if (!p.model)
    learn->setBadge(RailItem::Badge::Attention, tr("Choose the base model"));
  else
    learn->setBadge(RailItem::Badge::None, tr("Ready to start"));
}

void MainWindow::updateCatalogueRail() {
  const ProjectSnapshot& p = controller_.project();
  bool trained = false;
  for (const Product& product : p.products) trained = trained || product.trained;
  qint64 approved = 0;
  for (const ImageItem& i : p.images) approved += i.review == ReviewState::Approved ? 1 : 0;
  qint64 unreviewed = 0;
  for (const ImageItem& i : p.images) unreviewed += i.review == ReviewState::New ? 1 : 0;
  rail_->item(PageId::Templates)
      ->setBadge(p.templates.isEmpty() ? RailItem::Badge::Attention : RailItem::Badge::None,
                 tr("%n template(s)", nullptr, static_cast<int>(p.templates.size())));
  bool unfinished = false;
  for (const BatchItem& b : p.batches)
    unfinished = unfinished || (b.status != BatchStatus::Done && b.done < b.total);
  if (!trained)
    rail_->item(PageId::Generate)->setBadge(RailItem::Badge::Locked, tr("Learn a product first"));
  else if (controller_.isBatchRunning())
    rail_->item(PageId::Generate)->setBadge(RailItem::Badge::None, tr("Making images…"));
  else if (unfinished)
    rail_->item(PageId::Generate)->setBadge(RailItem::Badge::Attention, tr("A batch can continue"));
  else
    rail_->item(PageId::Generate)->setBadge(RailItem::Badge::None, tr("%n image(s) made", nullptr, static_cast<int>(p.images.size())));
  if (p.images.isEmpty())
    rail_->item(PageId::Review)->setBadge(RailItem::Badge::Locked, tr("Make images first"));
  else
    rail_->item(PageId::Review)->setBadge(unreviewed ? RailItem::Badge::Attention : RailItem::Badge::Done,
                                          tr("%n to review", nullptr, static_cast<int>(unreviewed)));
  if (approved == 0)
    rail_->item(PageId::Export)->setBadge(RailItem::Badge::Locked, tr("Approve images first"));
  else
    rail_->item(PageId::Export)->setBadge(RailItem::Badge::None, tr("%n approved", nullptr, static_cast<int>(approved)));
}

void MainWindow::onNotice(PageId id, const Notice& notice) { page(id)->showNotice(notice); }

bool MainWindow::confirmClose() {
  if (!controller_.jobs().isBusy()) return true;
  const bool training = controller_.isTraining();
  const bool ok = controller_.dialogs().confirm(
      this, tr("Quit Rashisa?"),
      training ? tr("A product is learning. Rashisa saves the progress and stops; it resumes where it stopped the next "
                    "time you open the project.")
               : tr("Work is still running. Rashisa stops it; what is finished is kept."),
      training ? tr("Save and quit") : tr("Stop and quit"), training ? tr("Keep training") : tr("Keep working"));
  if (!ok) return false;
  controller_.jobs().cancelAll();
  controller_.jobs().resume();
  if (controller_.jobs().isBusy()) {
    QProgressDialog wait(training ? tr("Saving the training progress…") : tr("Stopping…"), QString(), 0, 0, this);
    wait.setWindowTitle(tr("Rashisa"));
    wait.setWindowModality(Qt::WindowModal);
    wait.setMinimumDuration(0);
    wait.show();
    QEventLoop loop;
    connect(&controller_.jobs(), &JobRunner::idle, &loop, &QEventLoop::quit);
    if (controller_.jobs().isBusy()) loop.exec();
  }
  return true;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!closing_ && !confirmClose()) {
    event->ignore();
    return;
  }
  closing_ = true;
  controller_.settings().setWindowGeometry(saveGeometry());
  if (controller_.hasProject()) controller_.closeProject();
  controller_.settings().sync();
  event->accept();
}

}  // namespace rashisa::ui
