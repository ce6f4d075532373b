#include "ui/pages/photos_page.h"

#include "ui/models/photo_delegate.h"
#include "ui/models/photo_list_model.h"
#include "ui/pages/findings_panel.h"
#include "ui/text/categories.h"
#include "ui/text/finding_text.h"
#include "ui/widgets/drop_support.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QComboBox>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace rashisa::ui {

PhotosPage::PhotosPage(AppController& controller, QWidget* parent)
    : Page(controller, tr("Photos of the product"), parent) {
  setAcceptDrops(true);
  model_ = new PhotoListModel(this);

  auto* fields = new QHBoxLayout;
  fields->setSpacing(12);
  auto* nameLabel = new QLabel(tr("Product name"), this);
  name_ = new QLineEdit(this);
  name_->setPlaceholderText(tr("e.g. Blue glazed mug"));
  name_->setAccessibleName(tr("Product name"));
  name_->setMaxLength(80);
  nameLabel->setBuddy(name_);
  auto* categoryLabel = new QLabel(tr("What is it?"), this);
  category_ = new QComboBox(this);
  category_->setEditable(true);
  category_->setInsertPolicy(QComboBox::NoInsert);
  category_->setAccessibleName(tr("Kind of product"));
  category_->setToolTip(tr("Choose the word that says what the product is. Rashisa passes the English word to the "
                           "model, which already knows what such things look like."));
  category_->lineEdit()->setPlaceholderText(tr("Choose or type one English word"));
  for (const Category& c : Categories::all()) category_->addItem(Categories::display(c.word), c.word);
  category_->setCurrentIndex(-1);
  category_->completer()->setFilterMode(Qt::MatchContains);
  category_->completer()->setCompletionMode(QCompleter::PopupCompletion);
  category_->setMinimumContentsLength(16);
  categoryLabel->setBuddy(category_);
  categoryStatus_ = new QLabel(this);
  categoryStatus_->setWordWrap(true);
  fields->addWidget(nameLabel);
  fields->addWidget(name_, 2);
  fields->addSpacing(8);
  fields->addWidget(categoryLabel);
  fields->addWidget(category_, 2);
  fields->addWidget(categoryStatus_, 3);
  body()->addLayout(fields);

  locked_ = new QLabel(tr("The photos cannot change while the product is learning from them."), this);
  locked_->setWordWrap(true);
  locked_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  body()->addWidget(locked_);

  stack_ = new QStackedWidget(this);
  stack_->addWidget(buildDropZone());
  stack_->addWidget(buildGrid());
  body()->addWidget(stack_, 1);

  auto* bottom = new QHBoxLayout;
  addFiles_ = new QPushButton(tr("Add photos…"), this);
  addFolder_ = new QPushButton(tr("Add a folder…"), this);
  remove_ = new QPushButton(tr("Remove selected"), this);
  remove_->setEnabled(false);
  summary_ = new QLabel(this);
  nextReason_ = new QLabel(this);
  nextReason_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  next_ = makePrimaryButton(tr("Next: learn the product"), this);
  bottom->addWidget(addFiles_);
  bottom->addWidget(addFolder_);
  bottom->addWidget(remove_);
  bottom->addStretch(1);
  bottom->addWidget(summary_);
  bottom->addSpacing(12);
  bottom->addWidget(nextReason_);
  bottom->addWidget(next_);
  body()->addLayout(bottom);

  draftTimer_ = new QTimer(this);
  draftTimer_->setSingleShot(true);
  draftTimer_->setInterval(600);
  connect(draftTimer_, &QTimer::timeout, this, &PhotosPage::commitDraft);
  connect(name_, &QLineEdit::textEdited, draftTimer_, qOverload<>(&QTimer::start));
  connect(name_, &QLineEdit::editingFinished, this, &PhotosPage::commitDraft);
  connect(category_, &QComboBox::currentTextChanged, draftTimer_, qOverload<>(&QTimer::start));
  connect(category_->lineEdit(), &QLineEdit::editingFinished, this, &PhotosPage::commitDraft);
  connect(addFiles_, &QPushButton::clicked, this, [this] {
    this->controller().importPhotos(this->controller().dialogs().photoFiles(window()));
  });
  connect(addFolder_, &QPushButton::clicked, this, [this] {
    const QString dir = this->controller().dialogs().photoFolder(window());
    if (!dir.isEmpty()) this->controller().importPhotos({dir});
  });
  connect(remove_, &QPushButton::clicked, this, &PhotosPage::removeSelected);
  connect(next_, &QPushButton::clicked, this, [this] {
    commitDraft();
    Q_EMIT nextRequested();
  });
  connect(findings_, &FindingsPanel::removePhotosRequested, this,
          [this](const QList<qint64>& ids) { this->controller().removePhotos(ids); });
  connect(findings_, &FindingsPanel::selectPhotosRequested, this, &PhotosPage::selectPhotos);
  connect(findings_, &FindingsPanel::addPhotosRequested, addFiles_, &QPushButton::click);
  connect(&controller, &AppController::projectChanged, this, &PhotosPage::refresh);
  connect(&controller, &AppController::trainingChanged, this, &PhotosPage::refresh);
  connect(&controller, &AppController::busyChanged, this, &PhotosPage::refresh);
  connect(&controller, &AppController::importFinished, this, &PhotosPage::showImportReport);
  connect(&controller, &AppController::categoryChecked, this, &PhotosPage::onCategoryChecked);
  refresh();
}

QWidget* PhotosPage::buildDropZone() {
  auto* zone = new QFrame(this);
  zone->setObjectName(QStringLiteral("dropZone"));
  zone->setStyleSheet(QStringLiteral("QFrame#dropZone { border: 2px dashed #9aa7b4; border-radius: 12px; "
                                     "background: #f6f8fa; }"));
  auto* layout = new QVBoxLayout(zone);
  layout->addStretch(1);
  auto* big = new QLabel(tr("Drag photos of the product here (5 to 20)"), zone);
  QFont f = big->font();
  f.setPointSizeF(f.pointSizeF() * 1.5);
  f.setBold(true);
  big->setFont(f);
  big->setAlignment(Qt::AlignCenter);
  big->setWordWrap(true);
  auto* hint = new QLabel(tr("Files or whole folders. Take the product from different angles and distances, sharp "
                             "and well lit, ideally on a plain background."),
                          zone);
  hint->setAlignment(Qt::AlignCenter);
  hint->setWordWrap(true);
  auto* choose = new QPushButton(tr("Choose photos…"), zone);
  choose->setMinimumHeight(34);
  connect(choose, &QPushButton::clicked, this, [this] {
    controller().importPhotos(controller().dialogs().photoFiles(window()));
  });
  auto* privacy = new QLabel(tr("Photos are kept in the project file without location, camera serial numbers or "
                                "owner names. They never leave this computer."),
                             zone);
  privacy->setAlignment(Qt::AlignCenter);
  privacy->setWordWrap(true);
  privacy->setStyleSheet(QStringLiteral("color: #5a6570;"));
  layout->addWidget(big);
  layout->addWidget(hint);
  auto* row = new QHBoxLayout;
  row->addStretch(1);
  row->addWidget(choose);
  row->addStretch(1);
  layout->addLayout(row);
  layout->addSpacing(18);
  layout->addWidget(privacy);
  layout->addStretch(1);
  return zone;
}

QWidget* PhotosPage::buildGrid() {
  auto* w = new QWidget(this);
  auto* row = new QHBoxLayout(w);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(16);
  grid_ = new QListView(w);
  grid_->setViewMode(QListView::IconMode);
  grid_->setResizeMode(QListView::Adjust);
  grid_->setMovement(QListView::Static);
  grid_->setUniformItemSizes(true);
  grid_->setSpacing(6);
  grid_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  grid_->setModel(model_);
  grid_->setItemDelegate(new PhotoDelegate(grid_));
  grid_->setAccessibleName(tr("Photos in the project"));
  connect(grid_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PhotosPage::refresh);
  findings_ = new FindingsPanel(w);
  findings_->setMinimumWidth(330);
  findings_->setMaximumWidth(400);
  row->addWidget(grid_, 1);
  row->addWidget(findings_);
  return w;
}

bool PhotosPage::showsDropZone() const { return stack_->currentIndex() == 0; }

QString PhotosPage::currentCategoryWord() const {
  const int i = category_->findText(category_->currentText());
  if (i >= 0) return category_->itemData(i).toString();
  return Categories::normalize(category_->currentText());
}

void PhotosPage::refresh() {
  const ProjectSnapshot& p = controller().project();
  model_->setPhotos(p.photos, p.findings);
  stack_->setCurrentIndex(p.photos.isEmpty() ? 0 : 1);
  findings_->setFindings(p.findings, p.photos);
  int warnings = 0, errors = 0;
  for (const PhotoFinding& f : p.findings) {
    if (f.severity == Severity::Error) ++errors;
    if (f.severity == Severity::Warning) ++warnings;
  }
  summary_->setText(p.photos.isEmpty() ? QString() : PhotoText::summary(static_cast<int>(p.photos.size()), warnings, errors));
  if (!name_->hasFocus() && name_->text() != p.draftName) name_->setText(p.draftName);
  if (!category_->hasFocus() && currentCategoryWord() != p.draftCategory) {
    const int i = category_->findData(p.draftCategory);
    if (i >= 0)
      category_->setCurrentIndex(i);
    else
      category_->setEditText(p.draftCategory);
  }
  const bool training = controller().isTraining();
  const bool open = controller().hasProject();
  locked_->setVisible(training);
  const bool editable = open && !training && !controller().isReadOnly();
  for (QWidget* w : {static_cast<QWidget*>(addFiles_), static_cast<QWidget*>(addFolder_)})
    w->setEnabled(editable && !controller().isImporting());
  remove_->setEnabled(editable && grid_->selectionModel()->hasSelection());
  findings_->setChangesAllowed(editable);
  name_->setEnabled(editable);
  category_->setEnabled(editable);
  QString why;
  const bool ready = controller().photosReady(&why) && !name_->text().trimmed().isEmpty() &&
                     !currentCategoryWord().isEmpty();
  if (why.isEmpty() && name_->text().trimmed().isEmpty()) why = tr("Give the product a name.");
  if (why.isEmpty() && currentCategoryWord().isEmpty()) why = tr("Choose what kind of product it is.");
  next_->setEnabled(ready);
  next_->setToolTip(ready ? QString() : why);
  nextReason_->setText(ready || p.photos.isEmpty() ? QString() : why);
}

void PhotosPage::commitDraft() {
  draftTimer_->stop();
  if (!controller().hasProject()) return;
  const QString name = name_->text().trimmed();
  const QString word = currentCategoryWord();
  const ProjectSnapshot& p = controller().project();
  if (name == p.draftName && word == p.draftCategory) return;
  const bool categoryChanged = word != p.draftCategory;
  controller().saveDraft(name, word);
  if (categoryChanged) {
    categoryStatus_->clear();
    checkedWord_ = word;
    controller().checkCategory(word);
  }
}

void PhotosPage::onCategoryChecked(const QString& word, const QString& problem, bool checked) {
  if (word != checkedWord_ && !word.isEmpty()) return;
  if (!checked) {
    const bool known = !Categories::labelOf(word).isEmpty();
    categoryStatus_->setText(known || word.isEmpty() ? QString()
                                                      : tr("Rashisa checks this word once a base model is chosen."));
    categoryStatus_->setStyleSheet(QStringLiteral("color: #5a6570;"));
    return;
  }
  if (problem.isEmpty()) {
    categoryStatus_->setText(tr("The model knows this word."));
    categoryStatus_->setStyleSheet(QStringLiteral("color: #2e8b57;"));
  } else {
    categoryStatus_->setText(tr("The model does not know \"%1\" as one word. Choose one from the list, or another "
                                "simple English word.")
                                 .arg(word));
    categoryStatus_->setStyleSheet(QStringLiteral("color: #c62828;"));
  }
}

void PhotosPage::selectPhotos(const QList<qint64>& ids) {
  grid_->clearSelection();
  for (qint64 id : ids) {
    const int row = model_->rowOf(id);
    if (row >= 0) grid_->selectionModel()->select(model_->index(row), QItemSelectionModel::Select);
  }
  if (!ids.isEmpty() && model_->rowOf(ids.front()) >= 0) grid_->scrollTo(model_->index(model_->rowOf(ids.front())));
}

void PhotosPage::removeSelected() {
  QList<qint64> ids;
  for (const QModelIndex& i : grid_->selectionModel()->selectedIndexes()) ids.push_back(model_->idAt(i.row()));
  controller().removePhotos(ids);
}

void PhotosPage::dragEnterEvent(QDragEnterEvent* event) {
  if (!localPaths(event->mimeData()).isEmpty() && controller().hasProject() && !controller().isTraining())
    event->acceptProposedAction();
}

void PhotosPage::dropEvent(QDropEvent* event) {
  const QStringList paths = localPaths(event->mimeData());
  if (paths.isEmpty() || !controller().hasProject() || controller().isTraining()) return;
  event->acceptProposedAction();
  controller().importPhotos(paths);
}

}  // namespace rashisa::ui

namespace rashisa::ui {

namespace {

QString fileNameOf(const QString& path) {
  const QString name = QFileInfo(path).fileName();
  return name.isEmpty() ? path : name;
}

/// "a.txt, b.pdf, c.docx" and at most `shown` names; the rest as "…".
QString nameList(const QStringList& paths, int shown) {
  QStringList names;
  for (int i = 0; i < paths.size() && i < shown; ++i) names.push_back(fileNameOf(paths[i]));
  QString out = names.join(QStringLiteral(", "));
  if (paths.size() > shown) out += QStringLiteral(", …");
  return out;
}

}  // namespace

void PhotosPage::showImportReport(const ImportReport& r) {
  const int failed = static_cast<int>(r.failures.size());
  const bool foundNothing = r.added == 0 && failed == 0 && r.duplicates == 0;
  if (foundNothing && r.notPhotos.isEmpty() && r.emptyFolders.isEmpty() && !r.cancelled) return;
  Notice n;
  QStringList lines;
  if (foundNothing) {
    n.level = MessageLevel::Warning;
    n.title = tr("No photos were found.");
  } else if (failed > 0) {
    n.level = MessageLevel::Warning;
    n.title = tr("%n file(s) could not be added.", nullptr, failed);
    if (r.added > 0) n.title = tr("%n photo(s) added.", nullptr, r.added) + QLatin1Char(' ') + n.title;
  } else if (r.added == 0) {
    n.level = MessageLevel::Info;
    n.title = tr("These photos are already in the project.");
  } else {
    n.level = MessageLevel::Success;
    n.title = tr("%n photo(s) added.", nullptr, r.added);
  }
  if (r.cancelled) lines << tr("Adding was stopped; the photos added until then are kept.");
  if (r.duplicates > 0 && r.added + failed > 0)
    lines << tr("%n photo(s) were already in the project.", nullptr, r.duplicates);
  for (int i = 0; i < failed && i < 3; ++i) {
    const FindingText t = PhotoText::importFailure(r.failures[i].code);
    lines << tr("%1: %2. %3").arg(fileNameOf(r.failures[i].file), t.title, t.advice);
  }
  if (failed > 3) lines << tr("…and %n more (see \"Copy details\").", nullptr, failed - 3);
  if (!r.notPhotos.isEmpty())
    lines << tr("Skipped %n file(s) that are not photos: %1", nullptr, static_cast<int>(r.notPhotos.size()))
                 .arg(nameList(r.notPhotos, 5));
  for (const QString& folder : r.emptyFolders) lines << tr("No photos in the folder \"%1\".").arg(fileNameOf(folder));
  n.text = lines.join(QLatin1Char('\n'));
  QStringList details;
  for (const ImportFailure& f : r.failures) details << QStringLiteral("%1\t%2\t%3").arg(f.file, f.code, f.detail);
  for (const QString& f : r.notPhotos) details << QStringLiteral("%1\tnot-a-photo").arg(f);
  for (const QString& f : r.emptyFolders) details << QStringLiteral("%1\tno-photos-in-folder").arg(f);
  n.details = details.join(QLatin1Char('\n'));
  showNotice(n);
}

}  // namespace rashisa::ui
