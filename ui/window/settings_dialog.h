#pragma once
// Preferences: language, reviewer name, device, memory setting, default export folder, how
// often training makes previews, and the photo shoot's hours per image for the hours-saved
// figure. Everything goes through Settings; the controller is told, so the pages refresh.
#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rashisa::ui {

class AppController;

class SettingsDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Field { Language, Reviewer, Device, Memory, ExportFolder, PreviewEvery, ShootHours };

  explicit SettingsDialog(AppController& controller, QWidget* parent = nullptr);

  /// The languages offered (code, name): "" follows the system.
  static QList<QPair<QString, QString>> languages();

  /// Puts the keyboard focus on one field (the summary's link opens the dialog at the rate).
  void focusField(Field field);
  /// Writes every field to the settings and tells the controller (what Save does).
  void save();

  QComboBox* languageBox() const { return language_; }
  QLineEdit* reviewerEdit() const { return reviewer_; }
  QComboBox* deviceBox() const { return device_; }
  QComboBox* memoryBox() const { return memory_; }
  QLineEdit* exportFolderEdit() const { return exportFolder_; }
  QPushButton* chooseFolderButton() const { return chooseFolder_; }
  QSpinBox* previewEveryBox() const { return previewEvery_; }
  QDoubleSpinBox* shootHoursBox() const { return shootHours_; }
  QPushButton* saveButton() const { return save_; }

 private:
  void load();

  AppController& controller_;
  QComboBox* language_;
  QLineEdit* reviewer_;
  QComboBox* device_;
  QComboBox* memory_;
  QLineEdit* exportFolder_;
  QPushButton* chooseFolder_;
  QSpinBox* previewEvery_;
  QDoubleSpinBox* shootHours_;
  QPushButton* save_;
  QPushButton* cancel_;
};

}  // namespace rashisa::ui
