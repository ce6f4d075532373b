#pragma once
// The file choosers and confirmations the window asks the user for, behind one interface so
// tests can answer them without a person (tests/gui: ScriptedDialogs).
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QWidget;

namespace rashisa::ui {

class Dialogs {
 public:
  virtual ~Dialogs() = default;
  /// Where to save a new project ("" when cancelled).
  virtual QString newProjectPath(QWidget* parent) = 0;
  virtual QString openProjectPath(QWidget* parent) = 0;
  virtual QStringList photoFiles(QWidget* parent) = 0;
  virtual QString photoFolder(QWidget* parent) = 0;
  /// A single-file model (.safetensors) or, with `folder`, a diffusers folder.
  virtual QString modelPath(QWidget* parent, bool folder) = 0;
  /// Any folder ("" when cancelled), starting at `start`.
  virtual QString chooseFolder(QWidget* parent, const QString& title, const QString& start) = 0;
  /// A template file to import (.json or .csv; "" when cancelled).
  virtual QString templatesToImport(QWidget* parent) = 0;
  /// Where to export the templates (.json or .csv, chosen by the file type; "" when cancelled).
  virtual QString templatesToExport(QWidget* parent) = 0;
  /// A yes/no question; true for `accept`.
  virtual bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& accept,
                       const QString& reject) = 0;
  /// The folder to export images to, starting at `current` ("" when cancelled).
  virtual QString exportFolder(QWidget* parent, const QString& current) = 0;
};

/// The real dialogs (QFileDialog, QMessageBox).
class SystemDialogs final : public Dialogs {
  Q_DECLARE_TR_FUNCTIONS(SystemDialogs)

 public:
  QString newProjectPath(QWidget* parent) override;
  QString openProjectPath(QWidget* parent) override;
  QStringList photoFiles(QWidget* parent) override;
  QString photoFolder(QWidget* parent) override;
  QString modelPath(QWidget* parent, bool folder) override;
  QString chooseFolder(QWidget* parent, const QString& title, const QString& start) override;
  QString templatesToImport(QWidget* parent) override;
  QString templatesToExport(QWidget* parent) override;
  bool confirm(QWidget* parent, const QString& title, const QString& text, const QString& accept,
               const QString& reject) override;
  QString exportFolder(QWidget* parent, const QString& current) override;
};

}  // namespace rashisa::ui
