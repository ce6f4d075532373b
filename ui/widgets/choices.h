#pragma once
// Choosers that appear in more than one place, so they read the same everywhere: the device,
// the memory setting (Learn page, Preferences, first-start wizard) and the base model's
// file-or-folder buttons (Start page, wizard).
#include <QCoreApplication>
#include <QString>

class QComboBox;
class QHBoxLayout;
class QPushButton;
class QWidget;

namespace rashisa::ui {

class Choices {
  Q_DECLARE_TR_FUNCTIONS(Choices)

 public:
  /// Automatic / GPU (NVIDIA) / CPU, with the settings' values "auto", "cuda", "cpu".
  static void fillDevices(QComboBox* box);
  /// Automatic / 24 / 16 / 12 / 8 GB GPU, with the values "", "24gb", ... .
  static void fillMemoryPlans(QComboBox* box);
  /// "24 GB GPU" for "24gb"; "Automatic" for "".
  static QString memoryPlanName(const QString& plan);

  struct ModelButtons {
    QHBoxLayout* row;
    QPushButton* file;
    QPushButton* folder;
  };
  /// "Choose a model file…" and "Choose a model folder…" in a row, with tooltips.
  static ModelButtons modelButtons(QWidget* parent);
};

}  // namespace rashisa::ui
