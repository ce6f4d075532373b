#include "ui/window/dialogs.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace rashisa::ui {

namespace {

QString documents() { return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation); }

}  // namespace

QString SystemDialogs::newProjectPath(QWidget* parent) {
  QString path = QFileDialog::getSaveFileName(parent, tr("New project"), documents() + QLatin1Char('/') + tr("Product"),
                                              tr("Rashisa projects (*.rashisa)"));
  if (!path.isEmpty() && !path.endsWith(QLatin1String(".rashisa"))) path += QStringLiteral(".rashisa");
  return path;
}

QString SystemDialogs::openProjectPath(QWidget* parent) {
  return QFileDialog::getOpenFileName(parent, tr("Open project"), documents(), tr("Rashisa projects (*.rashisa)"));
}

QStringList SystemDialogs::photoFiles(QWidget* parent) {
  return QFileDialog::getOpenFileNames(
      parent, tr("Choose photos"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
      tr("Photos (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.heic *.heif);;All files (*)"));
}

QString SystemDialogs::photoFolder(QWidget* parent) {
  return QFileDialog::getExistingDirectory(parent, tr("Choose a folder of photos"),
                                           QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
}

QString SystemDialogs::modelPath(QWidget* parent, bool folder) {
  if (folder)
    return QFileDialog::getExistingDirectory(parent, tr("Choose a Stable Diffusion model folder (diffusers)"),
                                             documents());
  return QFileDialog::getOpenFileName(parent, tr("Choose a Stable Diffusion model file"), documents(),
                                      tr("Stable Diffusion models (*.safetensors)"));
}

QString SystemDialogs::chooseFolder(QWidget* parent, const QString& title, const QString& start) {
  return QFileDialog::getExistingDirectory(parent, title, start);
}

QString SystemDialogs::templatesToImport(QWidget* parent) {
  return QFileDialog::getOpenFileName(parent, tr("Import templates"), documents(),
                                      tr("Template files (*.json *.csv);;JSON (*.json);;CSV (*.csv)"));
}

QString SystemDialogs::templatesToExport(QWidget* parent) {
  const QString json = tr("JSON (*.json)");
  const QString csv = tr("CSV for spreadsheets (*.csv)");
  QString filter = json;
  QString path = QFileDialog::getSaveFileName(parent, tr("Export templates"),
                                              documents() + QLatin1Char('/') + tr("templates") + QStringLiteral(".json"),
                                              json + QStringLiteral(";;") + csv, &filter);
  const QString suffix = filter == csv ? QStringLiteral(".csv") : QStringLiteral(".json");
  if (!path.isEmpty() && !path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) &&
      !path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
    path += suffix;
  return path;
}

bool SystemDialogs::confirm(QWidget* parent, const QString& title, const QString& text, const QString& accept,
                            const QString& reject) {
  QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
  QPushButton* yes = box.addButton(accept, QMessageBox::AcceptRole);
  box.addButton(reject, QMessageBox::RejectRole);
  box.setDefaultButton(yes);
  box.exec();
  return box.clickedButton() == yes;
}

QString SystemDialogs::exportFolder(QWidget* parent, const QString& current) {
  return QFileDialog::getExistingDirectory(
      parent, tr("Choose the folder for the exported images"),
      current.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) : current);
}

}  // namespace rashisa::ui
