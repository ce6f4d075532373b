#pragma once
// Typed access to the user's settings (QSettings underneath; keys in settings_keys.h).
#include "ui/jobs/engine_types.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace rashisa::ui {

struct RecentProject {
  QString path;
  QString name;
  int productsTrained = 0;
  qint64 imagesMade = 0;
  QDateTime lastOpened;
  QByteArray thumbnailPng;
};

class Settings {
 public:
  /// The user's settings (organisation "Rashisa", application "Rashisa").
  Settings();
  /// Settings kept in one INI file (tests, portable installs).
  explicit Settings(const QString& iniFile);
  ~Settings();
  Settings(const Settings&) = delete;
  Settings& operator=(const Settings&) = delete;

  /// "" (follow the system), "ja" or "en".
  QString language() const;
  void setLanguage(const QString& language);

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);

  bool advancedTrainingOpen() const;
  void setAdvancedTrainingOpen(bool open);
  /// The Generate page's advanced settings (steps, guidance, sampler, size) shown open.
  bool advancedGenerateOpen() const;
  void setAdvancedGenerateOpen(bool open);

  /// Newest first; at most kMaxRecent.
  QList<RecentProject> recentProjects() const;
  void rememberProject(const RecentProject& project);
  void forgetProject(const QString& path);
  static constexpr int kMaxRecent = 8;

  /// The model new projects start with (the last one chosen).
  QString defaultModel() const;
  void setDefaultModel(const QString& path);

  /// "auto", "cpu" or "cuda".
  QString device() const;
  void setDevice(const QString& device);

  /// Training speed remembered for a device, model family and resolution.
  std::optional<TrainingSpeed> trainingSpeed(const QString& device, const QString& family, int resolution) const;
  void setTrainingSpeed(const QString& family, const TrainingSpeed& speed);

  QString tryPrompt() const;
  void setTryPrompt(const QString& prompt);

  /// The name recorded with reviews (default: the user's login name).
  QString reviewer() const;
  void setReviewer(const QString& name);
  /// "" (automatic) or "24gb", "16gb", "12gb", "8gb".
  QString memoryPlan() const;
  void setMemoryPlan(const QString& plan);
  int previewEvery() const;  // steps, default 100
  void setPreviewEvery(int steps);
  QString exportFolder() const;  // default: Pictures/Rashisa
  void setExportFolder(const QString& folder);
  QString exportPattern() const;
  void setExportPattern(const QString& pattern);
  bool exportJpeg() const;
  void setExportJpeg(bool jpeg);
  int exportQuality() const;
  void setExportQuality(int quality);
  /// Hours a photo shoot takes per finished catalogue image (for the hours-saved figure).
  double shootHoursPerImage() const;
  void setShootHoursPerImage(double hours);
  /// Seconds per denoising step remembered for a device, model family and size.
  std::optional<GenerationSpeed> generationSpeed(const QString& device, const QString& family, int size) const;
  void setGenerationSpeed(const QString& family, const GenerationSpeed& speed);
  bool firstStartDone() const;
  void setFirstStartDone(bool done);
  /// Templates of a project that the Generate page does not use (unticked on the Templates
  /// page); every other template of the project is chosen.
  QList<qint64> templatesLeftOut(const QString& projectPath) const;
  void setTemplatesLeftOut(const QString& projectPath, const QList<qint64>& ids);
  /// Template edits of a project not saved yet (JSON written by ui/models/template_draft.h).
  QByteArray templateDrafts(const QString& projectPath) const;
  void setTemplateDrafts(const QString& projectPath, const QByteArray& json);

  void sync();

 private:
  std::unique_ptr<QSettings> s_;
};

}  // namespace rashisa::ui
