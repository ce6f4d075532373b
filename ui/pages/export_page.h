#pragma once
// The Export page: approved images to a folder as PNG or JPEG, named by a pattern with a live
// preview; the AI label, seed, settings and model hash are always written, the prompt text only
// when asked; an optional PDF contact sheet; at the end "N images exported" with "Open folder".
#include "ui/jobs/catalogue_types.h"
#include "ui/pages/page.h"

#include <QStringList>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;
class QUrl;

namespace rashisa::ui {

class NamePatternPanel;

class ExportPage : public Page {
  Q_OBJECT

 public:
  /// Opens a folder in the system's file manager (QDesktopServices::openUrl unless replaced).
  using UrlOpener = std::function<bool(const QUrl&)>;

  explicit ExportPage(AppController& controller, QWidget* parent = nullptr);

  /// What pressing Export would ask for now.
  ExportSettings currentSettings() const;
  /// Tests replace the opener so that nothing is opened.
  void setUrlOpener(UrlOpener opener) { openUrl_ = std::move(opener); }

  QComboBox* imagesBox() const { return images_; }
  QLineEdit* folderEdit() const { return folder_; }
  QPushButton* chooseFolderButton() const { return chooseFolder_; }
  QRadioButton* pngButton() const { return png_; }
  QRadioButton* jpegButton() const { return jpeg_; }
  QSpinBox* qualityBox() const { return quality_; }
  NamePatternPanel* namePanel() const { return names_; }
  QLabel* labelStatement() const { return statement_; }
  QCheckBox* includePromptsBox() const { return prompts_; }
  QCheckBox* contactSheetBox() const { return contactSheet_; }
  QPushButton* exportButton() const { return export_; }
  QLabel* reasonLabel() const { return reason_; }
  QWidget* resultRow() const { return resultRow_; }
  QLabel* resultLabel() const { return result_; }
  QPushButton* openFolderButton() const { return openFolder_; }
  /// The preview's names are those of the current settings (no answer is awaited).
  bool namesCurrent() const { return namesCurrent_; }

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  QWidget* buildSettings();
  QWidget* buildLabelCard();
  QWidget* buildBottom();
  void refresh();
  void refillImages();
  int chosenCount() const;
  void settingsChanged();
  void requestNames();
  void onNamesReady(const QStringList& names, const QString& problem);
  void chooseFolder();
  void startExport();
  void submit(bool overwrite);
  QStringList existingFiles() const;
  void onExportFinished(const ExportResult& result);
  void onExportFailed(const QString& code, const QString& message);
  void openResultFolder();

  QComboBox* images_;
  QLineEdit* folder_;
  QPushButton* chooseFolder_;
  QRadioButton* png_;
  QRadioButton* jpeg_;
  QLabel* qualityLabel_;
  QSpinBox* quality_;
  NamePatternPanel* names_;
  QLabel* statement_;
  QCheckBox* prompts_;
  QCheckBox* contactSheet_;
  QWidget* resultRow_;
  QLabel* result_;
  QPushButton* openFolder_;
  QLabel* reason_;
  QPushButton* export_;
  QTimer* namesTimer_;
  UrlOpener openUrl_;
  QStringList allNames_;  // every name the current settings give (from the engine)
  QString resultFolder_;
  QString projectPath_;
  int pendingNames_ = 0;  // answers still to come; only the last one is current
  bool namesCurrent_ = false;
  bool exportWhenNamed_ = false;
};

}  // namespace rashisa::ui
