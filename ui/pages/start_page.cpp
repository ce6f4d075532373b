#include "ui/pages/start_page.h"

#include "ui/models/photo_delegate.h"
#include "ui/models/recent_projects_model.h"
#include "ui/pages/environment_card.h"
#include "ui/pages/summary_card.h"
#include "ui/settings/settings.h"
#include "ui/widgets/demo_offer.h"
#include "ui/widgets/drop_support.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QVBoxLayout>

namespace rashisa::ui {

StartPage::StartPage(AppController& controller, QWidget* parent) : Page(controller, tr("Welcome to Rashisa"), parent) {
  setAcceptDrops(true);
  auto* columns = new QHBoxLayout;
  columns->setSpacing(28);
  body()->addLayout(columns, 1);

  auto* left = new QVBoxLayout;
  left->setSpacing(10);
  // The demo model's notice sits above the left column here: the right column's cards need
  // the page's full height.
  layout()->removeWidget(demoBar());
  left->addWidget(demoBar());
  auto* tagline = new QLabel(tr("Teach Rashisa your product with 5 to 20 photos, then make catalogue images of it. "
                                "Everything stays on this computer."),
                             this);
  tagline->setWordWrap(true);
  left->addWidget(tagline);
  auto* buttons = new QHBoxLayout;
  newButton_ = makePrimaryButton(tr("New project…"), this);
  openButton_ = new QPushButton(tr("Open…"), this);
  openButton_->setMinimumHeight(36);
  buttons->addWidget(newButton_);
  buttons->addWidget(openButton_);
  buttons->addStretch(1);
  left->addLayout(buttons);
  auto* dropHint = new QLabel(tr("Or drop photos of a product here to start a new project with them."), this);
  dropHint->setWordWrap(true);
  dropHint->setStyleSheet(QStringLiteral("color: #5a6570;"));
  left->addWidget(dropHint);
  demoOffer_ = new DemoOffer(this);  // shown while no base model is chosen
  left->addSpacing(4);
  left->addWidget(demoOffer_);
  left->addSpacing(8);
  recentTitle_ = new QLabel(tr("Recent projects"), this);
  QFont f = recentTitle_->font();
  f.setBold(true);
  recentTitle_->setFont(f);
  left->addWidget(recentTitle_);
  recent_ = new RecentProjectsModel(this);
  recentView_ = new QListView(this);
  recentView_->setModel(recent_);
  recentView_->setItemDelegate(new RecentProjectDelegate(recentView_));
  recentView_->setAccessibleName(tr("Recent projects"));
  recentView_->setSelectionMode(QAbstractItemView::SingleSelection);
  left->addWidget(recentView_, 1);
  recentEmpty_ = new QLabel(tr("Projects you open appear here."), this);
  recentEmpty_->setStyleSheet(QStringLiteral("color: #5a6570;"));
  left->addWidget(recentEmpty_);
  left->addStretch(0);
  leftColumn_ = left;
  columns->addLayout(left, 3);

  auto* right = new QVBoxLayout;
  right->setSpacing(14);
  environment_ = new EnvironmentCard(controller, this);
  right->addWidget(environment_);
  summary_ = new SummaryCard(controller, this);
  right->addWidget(summary_);
  right->addStretch(1);
  columns->addLayout(right, 2);
  connect(summary_, &SummaryCard::rateChangeRequested, this, &StartPage::shootRateRequested);

  connect(newButton_, &QPushButton::clicked, this, [this] { newProject({}); });
  connect(openButton_, &QPushButton::clicked, this, [this] {
    const QString path = this->controller().dialogs().openProjectPath(window());
    if (!path.isEmpty()) this->controller().openProject(path);
  });
  connect(recentView_, &QListView::activated, this, &StartPage::openRecent);
  connect(demoOffer_, &DemoOffer::demoRequested, this, [this] { this->controller().openDemo(); });
  connect(&controller, &AppController::projectChanged, this, &StartPage::refreshRecent);
  for (auto signal : {&AppController::projectChanged, &AppController::environmentChanged, &AppController::busyChanged})
    connect(&controller, signal, this, &StartPage::refreshDemoOffer);
  refreshRecent();
  refreshDemoOffer();
}

void StartPage::refreshDemoOffer() {
  demoOffer_->setVisible(!controller().model() && !controller().isCheckingModel());
  demoOffer_->button()->setEnabled(!controller().isOpeningDemo());
}

void StartPage::refreshRecent() {
  recent_->setProjects(controller().settings().recentProjects());
  const bool any = recent_->rowCount() > 0;
  recentView_->setVisible(any);
  recentEmpty_->setVisible(!any);
  summary_->setVisible(controller().hasProject());
  // Without the list, the space below stays empty instead of spreading the rest apart.
  leftColumn_->setStretch(leftColumn_->count() - 1, any ? 0 : 1);
}

void StartPage::showEvent(QShowEvent* event) {
  // The project just opened is remembered after the pages hear of it: read the list again.
  refreshRecent();
  Page::showEvent(event);
}

void StartPage::newProject(const QStringList& photos) {
  const QString path = controller().dialogs().newProjectPath(window());
  if (path.isEmpty()) return;
  controller().newProject(path, photos);
}

void StartPage::openRecent(const QModelIndex& index) {
  const QString path = index.data(RecentProjectsModel::PathRole).toString();
  if (index.data(RecentProjectsModel::MissingRole).toBool()) {
    Notice n;
    n.level = MessageLevel::Warning;
    n.title = tr("This project is no longer where it was.");
    n.text = tr("It may have been moved or deleted: %1").arg(path);
    n.actionText = tr("Remove from the list");
    n.action = [this, path] {
      controller().settings().forgetProject(path);
      refreshRecent();
      messageBar().clear();
    };
    showNotice(n);
    return;
  }
  controller().openProject(path);
}

void StartPage::dragEnterEvent(QDragEnterEvent* event) {
  if (!localPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void StartPage::dropEvent(QDropEvent* event) {
  const QStringList paths = localPaths(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  if (paths.size() == 1 && paths.front().endsWith(QLatin1String(".rashisa"))) {
    controller().openProject(paths.front());
    return;
  }
  newProject(paths);
}

}  // namespace rashisa::ui
