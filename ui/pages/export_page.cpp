#include "ui/pages/export_page.h"

#include "ui/export/contact_sheet_pdf.h"
#include "ui/pages/name_pattern_panel.h"
#include "ui/settings/settings.h"
#include "ui/widgets/icons.h"
#include "ui/window/app_controller.h"
#include "ui/window/dialogs.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace rashisa::ui {

namespace {

// Every name is asked for: the page checks them for repeats and for files already in the folder.
constexpr int kNamesMax = 100000;
constexpr int kNamesDelayMs = 250;

QLabel* note(const QString& text, QWidget* parent) {
  auto* l = new QLabel(text, parent);
  l->setWordWrap(true);
  l->setStyleSheet(QStringLiteral("color: #5a6570;"));
  return l;
}

}  // namespace

ExportPage::ExportPage(AppController& controller, QWidget* parent)
    : Page(controller, tr("Export the approved images"), parent),
      openUrl_([](const QUrl& url) { return QDesktopServices::openUrl(url); }) {
  auto* columns = new QHBoxLayout;
  columns->setSpacing(28);
  columns->addWidget(buildSettings(), 3, Qt::AlignTop);
  columns->addWidget(buildLabelCard(), 2, Qt::AlignTop);
  body()->addLayout(columns);
  body()->addStretch(1);
  body()->addWidget(buildBottom());

  namesTimer_ = new QTimer(this);
  namesTimer_->setSingleShot(true);
  namesTimer_->setInterval(kNamesDelayMs);
  connect(namesTimer_, &QTimer::timeout, this, &ExportPage::requestNames);

  Settings& settings = controller.settings();
  folder_->setText(QDir::toNativeSeparators(settings.exportFolder()));
  (settings.exportJpeg() ? jpeg_ : png_)->setChecked(true);
  quality_->setValue(settings.exportQuality());
  names_->setPattern(settings.exportPattern());

  connect(images_, qOverload<int>(&QComboBox::currentIndexChanged), this, &ExportPage::settingsChanged);
  connect(names_, &NamePatternPanel::patternChanged, this, &ExportPage::settingsChanged);
  connect(jpeg_, &QRadioButton::toggled, this, [this](bool jpeg) {
    this->controller().settings().setExportJpeg(jpeg);
    settingsChanged();
  });
  connect(quality_, qOverload<int>(&QSpinBox::valueChanged), this,
          [this](int quality) { this->controller().settings().setExportQuality(quality); });
  connect(folder_, &QLineEdit::textChanged, this, &ExportPage::refresh);
  connect(chooseFolder_, &QPushButton::clicked, this, &ExportPage::chooseFolder);
  connect(export_, &QPushButton::clicked, this, &ExportPage::startExport);
  connect(openFolder_, &QPushButton::clicked, this, &ExportPage::openResultFolder);
  connect(&controller, &AppController::projectChanged, this, [this] {
    if (this->controller().project().path != projectPath_) {
      // Answers for another project will not come (or do not matter): start afresh.
      projectPath_ = this->controller().project().path;
      pendingNames_ = 0;
      exportWhenNamed_ = false;
      resultRow_->hide();
    }
    refillImages();
    settingsChanged();
  });
  connect(&controller, &AppController::busyChanged, this, &ExportPage::refresh);
  connect(&controller, &AppController::exportNamesReady, this, &ExportPage::onNamesReady);
  connect(&controller, &AppController::exportFinished, this, &ExportPage::onExportFinished);
  connect(&controller, &AppController::exportFailed, this, &ExportPage::onExportFailed);
  refillImages();
  refresh();
}

QWidget* ExportPage::buildSettings() {
  auto* box = new QWidget(this);
  auto* form = new QFormLayout(box);
  form->setContentsMargins(0, 0, 0, 0);
  form->setHorizontalSpacing(14);
  form->setVerticalSpacing(12);
  form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

  images_ = new QComboBox(box);
  images_->setAccessibleName(tr("Images to export"));
  images_->setToolTip(tr("Only approved images leave the project."));
  form->addRow(tr("Images"), images_);

  auto* folderRow = new QHBoxLayout;
  folder_ = new QLineEdit(box);
  folder_->setAccessibleName(tr("Export folder"));
  folder_->setPlaceholderText(tr("The folder the files are written to"));
  chooseFolder_ = new QPushButton(tr("Choose…"), box);
  chooseFolder_->setAccessibleName(tr("Choose the export folder"));
  folderRow->addWidget(folder_, 1);
  folderRow->addWidget(chooseFolder_);
  form->addRow(tr("Folder"), folderRow);

  auto* formatRow = new QHBoxLayout;
  formatRow->setSpacing(12);
  png_ = new QRadioButton(tr("PNG (lossless)"), box);
  jpeg_ = new QRadioButton(tr("JPEG"), box);
  auto* group = new QButtonGroup(box);
  group->addButton(png_);
  group->addButton(jpeg_);
  qualityLabel_ = new QLabel(tr("Quality"), box);
  quality_ = new QSpinBox(box);
  quality_->setRange(1, 100);
  quality_->setAccessibleName(tr("JPEG quality"));
  quality_->setToolTip(tr("Higher is sharper and larger. 92 suits catalogues and web shops."));
  qualityLabel_->setBuddy(quality_);
  formatRow->addWidget(png_);
  formatRow->addWidget(jpeg_);
  formatRow->addSpacing(8);
  formatRow->addWidget(qualityLabel_);
  formatRow->addWidget(quality_);
  formatRow->addStretch(1);
  form->addRow(tr("Format"), formatRow);

  names_ = new NamePatternPanel(box);
  form->addRow(tr("File names"), names_);
  return box;
}

QWidget* ExportPage::buildLabelCard() {
  auto* card = new QFrame(this);
  card->setObjectName(QStringLiteral("labelCard"));
  card->setStyleSheet(QStringLiteral("QFrame#labelCard { background: #f4f7fa; border: 1px solid #dde3e9; "
                                     "border-radius: 8px; }"));
  auto* layout = new QVBoxLayout(card);
  layout->setContentsMargins(16, 14, 16, 14);
  layout->setSpacing(6);
  auto* title = new QLabel(tr("Always written into every file"), card);
  QFont bold = title->font();
  bold.setBold(true);
  title->setFont(bold);
  statement_ = new QLabel(tr("The AI label (IPTC DigitalSourceType: trainedAlgorithmicMedia), the seed, the "
                             "settings and the base model's hash, so anyone can see the image was made by AI "
                             "and you can make it again."),
                          card);
  statement_->setWordWrap(true);
  prompts_ = new QCheckBox(tr("Also include the prompt text"), card);
  prompts_->setChecked(false);
  auto* why = note(tr("Off unless you tick it: the prompt wording can show your plans or know-how to whoever "
                      "receives the files. The project always keeps it."),
                   card);
  why->setContentsMargins(22, 0, 0, 0);
  contactSheet_ = new QCheckBox(tr("Also make a contact sheet (PDF)"), card);
  auto* sheetNote = note(tr("%1 in the same folder: every image on A4 pages with its file name, product, "
                            "template, seed and review state, for review meetings.")
                             .arg(QLatin1String(kContactSheetFileName)),
                         card);
  sheetNote->setContentsMargins(22, 0, 0, 0);
  layout->addWidget(title);
  layout->addWidget(statement_);
  layout->addSpacing(6);
  layout->addWidget(prompts_);
  layout->addWidget(why);
  layout->addSpacing(10);
  layout->addWidget(contactSheet_);
  layout->addWidget(sheetNote);
  return card;
}

QWidget* ExportPage::buildBottom() {
  auto* bottom = new QWidget(this);
  auto* row = new QHBoxLayout(bottom);
  row->setContentsMargins(0, 0, 0, 0);
  resultRow_ = new QWidget(bottom);
  auto* resultLayout = new QHBoxLayout(resultRow_);
  resultLayout->setContentsMargins(0, 0, 0, 0);
  auto* icon = new QLabel(resultRow_);
  icon->setPixmap(icons::done().pixmap(20, 20));
  result_ = new QLabel(resultRow_);
  QFont bold = result_->font();
  bold.setBold(true);
  result_->setFont(bold);
  openFolder_ = new QPushButton(tr("Open folder"), resultRow_);
  resultLayout->addWidget(icon);
  resultLayout->addWidget(result_);
  resultLayout->addSpacing(6);
  resultLayout->addWidget(openFolder_);
  resultRow_->hide();
  reason_ = new QLabel(bottom);
  reason_->setStyleSheet(QStringLiteral("color: #8a5a00;"));
  export_ = makePrimaryButton(QString(), bottom);  // refresh() names it with the count
  row->addWidget(resultRow_);
  row->addStretch(1);
  row->addWidget(reason_);
  row->addSpacing(8);
  row->addWidget(export_);
  return bottom;
}

void ExportPage::showEvent(QShowEvent* event) {
  Page::showEvent(event);
  if (!namesCurrent_ && pendingNames_ == 0) requestNames();
}

int ExportPage::chosenCount() const {
  const qint64 batch = images_->currentData().toLongLong();
  int n = 0;
  for (const ImageItem& i : controller().project().images)
    if (i.review == ReviewState::Approved && (batch == 0 || i.jobId == batch)) ++n;
  return n;
}

void ExportPage::refillImages() {
  const QSignalBlocker block(images_);
  const qint64 keep = images_->currentData().toLongLong();
  images_->clear();
  const ProjectSnapshot& p = controller().project();
  QMap<qint64, int> approved;  // batch -> approved images
  int all = 0;
  for (const ImageItem& i : p.images)
    if (i.review == ReviewState::Approved) ++all, ++approved[i.jobId];
  images_->addItem(tr("All approved images (%n)", nullptr, all), qint64(0));
  // One batch per entry, when there is more than one to choose from.
  const auto withApproved = std::count_if(p.batches.begin(), p.batches.end(),
                                          [&](const BatchItem& b) { return approved.value(b.id) > 0; });
  for (const BatchItem& b : p.batches) {
    if (approved.value(b.id) == 0 || withApproved < 2) continue;
    const QDateTime made = QDateTime::fromString(b.createdAt, Qt::ISODateWithMs);
    const QString text =
        made.isValid()
            ? tr("Approved images of batch %1, %2 (%n)", nullptr, approved.value(b.id))
                  .arg(b.id)
                  .arg(QLocale().toString(made.toLocalTime().date(), QLocale::ShortFormat))
            : tr("Approved images of batch %1 (%n)", nullptr, approved.value(b.id)).arg(b.id);
    images_->addItem(text, b.id);
  }
  images_->setCurrentIndex(std::max(0, images_->findData(keep)));
}

ExportSettings ExportPage::currentSettings() const {
  ExportSettings s;
  s.folder = QDir::cleanPath(QDir::fromNativeSeparators(folder_->text().trimmed()));
  if (folder_->text().trimmed().isEmpty()) s.folder.clear();
  s.jpeg = jpeg_->isChecked();
  s.quality = quality_->value();
  s.pattern = names_->pattern();
  const qint64 batch = images_->currentData().toLongLong();
  if (batch != 0)
    for (const ImageItem& i : controller().project().images)
      if (i.review == ReviewState::Approved && i.jobId == batch) s.imageIds.push_back(i.id);
  s.includePrompts = prompts_->isChecked();
  s.contactSheet = contactSheet_->isChecked();
  return s;
}

void ExportPage::refresh() {
  const bool open = controller().hasProject();
  const bool exporting = controller().isExporting();
  const int n = chosenCount();
  export_->setText(tr("Export %n image(s)", nullptr, n));
  QString why;
  if (!open)
    why = tr("Open a project first.");
  else if (controller().isReadOnly())
    why = controller().readOnlyNote();  // an export is recorded in the project
  else if (exporting)
    why = tr("Exporting…");
  else if (n == 0)
    why = tr("Approve images on the Review page first.");
  else if (folder_->text().trimmed().isEmpty())
    why = tr("Choose a folder to export to.");
  else if (!names_->problem().isEmpty())
    why = tr("Change the file-name pattern first.");
  export_->setEnabled(why.isEmpty());
  export_->setToolTip(why);
  const bool queued = why.isEmpty() && (controller().isTraining() || controller().isBatchRunning());
  reason_->setText(queued ? tr("Starts when the job in progress ends.") : why);
  for (QWidget* w : std::initializer_list<QWidget*>{images_, folder_, chooseFolder_, png_, jpeg_, names_, prompts_,
                                                    contactSheet_})
    w->setEnabled(open && !exporting);
  quality_->setEnabled(open && !exporting && jpeg_->isChecked());
  qualityLabel_->setEnabled(quality_->isEnabled());
}

void ExportPage::settingsChanged() {
  namesCurrent_ = false;
  namesTimer_->start();
  refresh();
}

void ExportPage::requestNames() {
  namesTimer_->stop();
  if (!controller().hasProject()) return;
  // Hidden pages ask when they are shown (the answers cost a quick job each).
  if (!isVisible() && !exportWhenNamed_) return;
  ++pendingNames_;
  controller().previewExportNames(currentSettings(), kNamesMax);
}

void ExportPage::onNamesReady(const QStringList& names, const QString& problem) {
  if (pendingNames_ > 0) --pendingNames_;
  if (pendingNames_ > 0) return;  // an answer to settings that have changed since
  allNames_ = names;
  names_->setNames(names, problem);
  namesCurrent_ = !namesTimer_->isActive();
  refresh();
  if (exportWhenNamed_) {
    exportWhenNamed_ = false;
    if (namesCurrent_ && export_->isEnabled()) startExport();
  }
}

void ExportPage::chooseFolder() {
  const QString dir = controller().dialogs().exportFolder(window(), currentSettings().folder);
  if (dir.isEmpty()) return;
  folder_->setText(QDir::toNativeSeparators(dir));
  controller().settings().setExportFolder(dir);
}

QStringList ExportPage::existingFiles() const {
  const QDir dir(currentSettings().folder);
  QStringList out;
  for (const QString& name : allNames_)
    if (QFileInfo::exists(dir.filePath(name))) out << name;
  return out;
}

void ExportPage::startExport() {
  if (!namesCurrent_ || namesTimer_->isActive()) {
    // The names of the settings as they are now decide whether files would be replaced.
    exportWhenNamed_ = true;
    requestNames();
    return;
  }
  if (!export_->isEnabled()) return;
  const QStringList existing = existingFiles();
  if (!existing.isEmpty()) {
    const bool replace = controller().dialogs().confirm(
        window(), tr("Replace existing files?"),
        tr("%n file(s) with these names are already in the folder, for example %1. Replace them with the images of "
           "this export? The old files cannot be brought back.",
           nullptr, static_cast<int>(existing.size()))
            .arg(existing.first()),
        tr("Replace"), tr("Cancel"));
    if (!replace) {
      showNotice({MessageLevel::Info, tr("Nothing was exported."),
                  tr("Choose another folder or change the file-name pattern, then export again."), {}, {}, {}, {}, {}});
      return;
    }
  }
  submit(!existing.isEmpty());
}

void ExportPage::submit(bool overwrite) {
  ExportSettings s = currentSettings();
  s.overwrite = overwrite;
  messageBar().clear();
  resultRow_->hide();
  controller().exportImages(s);
  refresh();
}

void ExportPage::onExportFinished(const ExportResult& result) {
  QString text = tr("%n image(s) exported.", nullptr, static_cast<int>(result.files.size()));
  if (!result.contactSheet.isEmpty())
    text += QLatin1Char(' ') + tr("Contact sheet: %1").arg(QFileInfo(result.contactSheet).fileName());
  result_->setText(text);
  resultFolder_ = result.folder;
  result_->setToolTip(QDir::toNativeSeparators(result.folder));
  openFolder_->setToolTip(QDir::toNativeSeparators(result.folder));
  resultRow_->show();
  refresh();
}

void ExportPage::onExportFailed(const QString& code, const QString& message) {
  if (code == QLatin1String("cancelled")) {
    showNotice({MessageLevel::Info, tr("The export was stopped."),
                tr("The files written so far are in the folder. Export again to write the rest."), {}, {}, {}, {}, {}});
  } else if (code == QLatin1String("file-write")) {
    // The engine writes nothing when a file exists (without overwrite): say which, offer to replace.
    const QStringList existing = existingFiles();
    if (!existing.isEmpty()) {
      Notice n;
      n.level = MessageLevel::Warning;
      n.title = tr("%n file(s) with these names are already in the folder.", nullptr, static_cast<int>(existing.size()));
      n.text = tr("For example %1. Nothing was exported. Replace them, or choose another folder or file-name pattern.")
                   .arg(existing.first());
      n.details = QStringLiteral("code: %1\nmessage: %2").arg(code, message);
      n.actionText = tr("Replace them");
      n.action = [this] { submit(true); };
      showNotice(n);
    }
  }
  refresh();
}

void ExportPage::openResultFolder() {
  if (openUrl_(QUrl::fromLocalFile(resultFolder_))) return;
  showNotice({MessageLevel::Warning, tr("The folder could not be opened."),
              tr("Open it in your file manager: %1").arg(QDir::toNativeSeparators(resultFolder_)), {}, {}, {}, {}, {}});
}

}  // namespace rashisa::ui
