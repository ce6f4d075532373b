#include "ui/settings/settings.h"

#include "ui/settings/settings_keys.h"

#include <QCryptographicHash>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace rashisa::ui {

namespace {

/// One settings group per (device, family, resolution); device descriptions contain slashes
/// and spaces, so the group name is their hash.
QString group(const char* prefix, const QString& device, const QString& family, int size) {
  const QByteArray key = (device + QLatin1Char('|') + family + QLatin1Char('|') + QString::number(size)).toUtf8();
  return QLatin1String(prefix) + QLatin1Char('/') +
         QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

/// A per-project key: project paths contain slashes, so the key is their hash.
QString projectKey(const char* prefix, const QString& projectPath) {
  return QLatin1String(prefix) + QLatin1Char('/') +
         QString::fromLatin1(QCryptographicHash::hash(projectPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

QString speedGroup(const QString& device, const QString& family, int resolution) {
  return group(keys::kSpeedGroup, device, family, resolution);
}

}  // namespace

Settings::Settings() : s_(std::make_unique<QSettings>(QStringLiteral("Rashisa"), QStringLiteral("Rashisa"))) {}
Settings::Settings(const QString& iniFile) : s_(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}
Settings::~Settings() = default;

QString Settings::language() const { return s_->value(keys::kLanguage).toString(); }
void Settings::setLanguage(const QString& language) { s_->setValue(keys::kLanguage, language); }

QByteArray Settings::windowGeometry() const { return s_->value(keys::kWindowGeometry).toByteArray(); }
void Settings::setWindowGeometry(const QByteArray& geometry) { s_->setValue(keys::kWindowGeometry, geometry); }

bool Settings::advancedTrainingOpen() const { return s_->value(keys::kAdvancedTrainingOpen, false).toBool(); }
void Settings::setAdvancedTrainingOpen(bool open) { s_->setValue(keys::kAdvancedTrainingOpen, open); }

bool Settings::advancedGenerateOpen() const { return s_->value(keys::kAdvancedGenerateOpen, false).toBool(); }
void Settings::setAdvancedGenerateOpen(bool open) { s_->setValue(keys::kAdvancedGenerateOpen, open); }

QList<RecentProject> Settings::recentProjects() const {
  QList<RecentProject> out;
  const int n = s_->beginReadArray(keys::kRecentProjects);
  for (int i = 0; i < n; ++i) {
    s_->setArrayIndex(i);
    RecentProject r;
    r.path = s_->value(keys::kRecentPath).toString();
    r.name = s_->value(keys::kRecentName).toString();
    r.productsTrained = s_->value(keys::kRecentProducts).toInt();
    r.imagesMade = s_->value(keys::kRecentImages).toLongLong();
    r.lastOpened = s_->value(keys::kRecentOpened).toDateTime();
    r.thumbnailPng = s_->value(keys::kRecentThumbnail).toByteArray();
    if (!r.path.isEmpty()) out.push_back(r);
  }
  s_->endArray();
  return out;
}

namespace {

void writeRecent(QSettings& s, const QList<RecentProject>& list) {
  s.remove(keys::kRecentProjects);
  s.beginWriteArray(keys::kRecentProjects, static_cast<int>(list.size()));
  for (int i = 0; i < list.size(); ++i) {
    s.setArrayIndex(i);
    const RecentProject& r = list[i];
    s.setValue(keys::kRecentPath, r.path);
    s.setValue(keys::kRecentName, r.name);
    s.setValue(keys::kRecentProducts, r.productsTrained);
    s.setValue(keys::kRecentImages, r.imagesMade);
    s.setValue(keys::kRecentOpened, r.lastOpened);
    s.setValue(keys::kRecentThumbnail, r.thumbnailPng);
  }
  s.endArray();
}

}  // namespace

void Settings::rememberProject(const RecentProject& project) {
  QList<RecentProject> list = recentProjects();
  list.erase(std::remove_if(list.begin(), list.end(), [&](const RecentProject& r) { return r.path == project.path; }),
             list.end());
  list.prepend(project);
  while (list.size() > kMaxRecent) list.removeLast();
  writeRecent(*s_, list);
}

void Settings::forgetProject(const QString& path) {
  QList<RecentProject> list = recentProjects();
  list.erase(std::remove_if(list.begin(), list.end(), [&](const RecentProject& r) { return r.path == path; }),
             list.end());
  writeRecent(*s_, list);
}

QString Settings::defaultModel() const { return s_->value(keys::kDefaultModel).toString(); }
void Settings::setDefaultModel(const QString& path) { s_->setValue(keys::kDefaultModel, path); }

QString Settings::device() const {
  const QString d = s_->value(keys::kDevice, QStringLiteral("auto")).toString();
  return d == QLatin1String("cpu") || d == QLatin1String("cuda") ? d : QStringLiteral("auto");
}
void Settings::setDevice(const QString& device) { s_->setValue(keys::kDevice, device); }

std::optional<TrainingSpeed> Settings::trainingSpeed(const QString& device, const QString& family,
                                                     int resolution) const {
  const QString group = speedGroup(device, family, resolution);
  const QList<QVariant> v = s_->value(group + QStringLiteral("/secondsPerSample")).toList();
  if (v.size() != 3) return std::nullopt;
  TrainingSpeed speed;
  for (int k = 0; k < 3; ++k) {
    bool ok = false;
    speed.secondsPerSample[k] = v[k].toDouble(&ok);
    if (!ok || !(speed.secondsPerSample[k] > 0)) return std::nullopt;
  }
  speed.device = device;
  speed.description = s_->value(group + QStringLiteral("/description")).toString();
  speed.resolution = resolution;
  return speed;
}

void Settings::setTrainingSpeed(const QString& family, const TrainingSpeed& speed) {
  const QString group = speedGroup(speed.device, family, speed.resolution);
  QList<QVariant> v;
  for (double s : speed.secondsPerSample) v.push_back(s);
  s_->setValue(group + QStringLiteral("/secondsPerSample"), v);
  s_->setValue(group + QStringLiteral("/description"), speed.description);
}

QString Settings::tryPrompt() const { return s_->value(keys::kTryPrompt).toString(); }
void Settings::setTryPrompt(const QString& prompt) { s_->setValue(keys::kTryPrompt, prompt); }

QString Settings::reviewer() const {
  QString fallback = qEnvironmentVariable("USER");
  if (fallback.isEmpty()) fallback = qEnvironmentVariable("USERNAME");
  return s_->value(keys::kReviewer, fallback).toString();
}
void Settings::setReviewer(const QString& name) { s_->setValue(keys::kReviewer, name.trimmed()); }

QString Settings::memoryPlan() const {
  const QString p = s_->value(keys::kMemoryPlan).toString();
  for (const char* known : {"24gb", "16gb", "12gb", "8gb"})
    if (p == QLatin1String(known)) return p;
  return {};
}
void Settings::setMemoryPlan(const QString& plan) { s_->setValue(keys::kMemoryPlan, plan); }

int Settings::previewEvery() const { return std::max(0, s_->value(keys::kPreviewEvery, 100).toInt()); }
void Settings::setPreviewEvery(int steps) { s_->setValue(keys::kPreviewEvery, steps); }

QString Settings::exportFolder() const {
  return s_->value(keys::kExportFolder,
                   QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QStringLiteral("/Rashisa"))
      .toString();
}
void Settings::setExportFolder(const QString& folder) { s_->setValue(keys::kExportFolder, folder); }

QString Settings::exportPattern() const {
  return s_->value(keys::kExportPattern, QStringLiteral("{product}-{template}-{image}")).toString();
}
void Settings::setExportPattern(const QString& pattern) { s_->setValue(keys::kExportPattern, pattern); }

bool Settings::exportJpeg() const { return s_->value(keys::kExportJpeg, false).toBool(); }
void Settings::setExportJpeg(bool jpeg) { s_->setValue(keys::kExportJpeg, jpeg); }

int Settings::exportQuality() const { return std::clamp(s_->value(keys::kExportQuality, 92).toInt(), 1, 100); }
void Settings::setExportQuality(int quality) { s_->setValue(keys::kExportQuality, quality); }

double Settings::shootHoursPerImage() const {
  const double h = s_->value(keys::kShootHours, 0.5).toDouble();
  return h >= 0 ? h : 0.5;
}
void Settings::setShootHoursPerImage(double hours) { s_->setValue(keys::kShootHours, hours); }

std::optional<GenerationSpeed> Settings::generationSpeed(const QString& device, const QString& family, int size) const {
  const QString g = group(keys::kGenerationGroup, device, family, size);
  bool ok = false;
  const double perStep = s_->value(g + QStringLiteral("/secondsPerStep")).toDouble(&ok);
  if (!ok || !(perStep > 0)) return std::nullopt;
  GenerationSpeed speed;
  speed.secondsPerStep = perStep;
  speed.decodeSeconds = s_->value(g + QStringLiteral("/decodeSeconds")).toDouble();
  speed.size = size;
  speed.device = device;
  return speed;
}

void Settings::setGenerationSpeed(const QString& family, const GenerationSpeed& speed) {
  const QString g = group(keys::kGenerationGroup, speed.device, family, speed.size);
  s_->setValue(g + QStringLiteral("/secondsPerStep"), speed.secondsPerStep);
  s_->setValue(g + QStringLiteral("/decodeSeconds"), speed.decodeSeconds);
}

bool Settings::firstStartDone() const { return s_->value(keys::kFirstStartDone, false).toBool(); }
void Settings::setFirstStartDone(bool done) { s_->setValue(keys::kFirstStartDone, done); }

QList<qint64> Settings::templatesLeftOut(const QString& projectPath) const {
  QList<qint64> out;
  for (const QVariant& v : s_->value(projectKey(keys::kTemplatesLeftOutGroup, projectPath)).toList()) {
    bool ok = false;
    const qint64 id = v.toLongLong(&ok);
    if (ok) out.push_back(id);
  }
  return out;
}

void Settings::setTemplatesLeftOut(const QString& projectPath, const QList<qint64>& ids) {
  const QString key = projectKey(keys::kTemplatesLeftOutGroup, projectPath);
  if (ids.isEmpty()) {
    s_->remove(key);
    return;
  }
  QVariantList list;
  for (qint64 id : ids) list.push_back(id);
  s_->setValue(key, list);
}

QByteArray Settings::templateDrafts(const QString& projectPath) const {
  return s_->value(projectKey(keys::kTemplateDraftsGroup, projectPath)).toByteArray();
}

void Settings::setTemplateDrafts(const QString& projectPath, const QByteArray& json) {
  const QString key = projectKey(keys::kTemplateDraftsGroup, projectPath);
  if (json.isEmpty())
    s_->remove(key);
  else
    s_->setValue(key, json);
}

void Settings::sync() { s_->sync(); }

}  // namespace rashisa::ui
