#include "ui/window/log_file.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>

namespace rashisa::ui {

namespace {

std::atomic<LogFile*> currentLog{nullptr};
QtMessageHandler previousHandler = nullptr;
bool handlerInstalled = false;

const char* typeName(QtMsgType type) {
  switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
  }
  return "info";
}

void handleMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (LogFile* log = currentLog.load()) {
    const QString category = context.category && qstrcmp(context.category, "default") != 0
                                 ? QString::fromLatin1(context.category) + QStringLiteral(": ")
                                 : QString();
    log->write(QStringLiteral("[%1] %2%3").arg(QString::fromLatin1(typeName(type)), category, message));
  }
  if (previousHandler) previousHandler(type, context, message);
}

}  // namespace

LogFile::LogFile(const QString& path, qint64 maxBytes, int files)
    : path_(path), maxBytes_(maxBytes), files_(std::max(1, files)), file_(path) {
  QDir().mkpath(QFileInfo(path_).absolutePath());
  file_.open(QIODevice::Append | QIODevice::Text);
}

LogFile::~LogFile() {
  LogFile* self = this;
  currentLog.compare_exchange_strong(self, nullptr);
}

QString LogFile::defaultPath() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/logs/rashisa.log");
}

QString LogFile::rotated(int index) const { return index == 0 ? path_ : path_ + QLatin1Char('.') + QString::number(index); }

void LogFile::rotate() {
  file_.close();
  QFile::remove(rotated(files_ - 1));
  for (int i = files_ - 2; i >= 0; --i)
    if (QFile::exists(rotated(i))) QFile::rename(rotated(i), rotated(i + 1));
  file_.setFileName(path_);
  file_.open(QIODevice::Append | QIODevice::Text);
}

void LogFile::write(const QString& line) {
  const QByteArray bytes =
      (QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + line + QLatin1Char('\n')).toUtf8();
  QMutexLocker lock(&mutex_);
  if (file_.size() > 0 && file_.size() + bytes.size() > maxBytes_) rotate();
  if (!file_.isOpen()) return;  // a log that cannot be written must never stop the program
  file_.write(bytes);
  file_.flush();  // a crash right after must not lose the line
}

QStringList LogFile::tail(int lines) const {
  QMutexLocker lock(&mutex_);
  QStringList out;
  for (int i = 0; i < files_ && out.size() < lines; ++i) {
    QFile f(rotated(i));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) break;
    const qint64 window = 64 * 1024;
    if (f.size() > window) f.seek(f.size() - window);
    QStringList fileLines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (f.size() > window && !fileLines.isEmpty()) fileLines.removeFirst();  // cut in the middle
    out = fileLines + out;
  }
  return out.mid(std::max<qsizetype>(0, out.size() - lines));
}

void LogFile::install(LogFile* log) {
  currentLog.store(log);
  if (!handlerInstalled) {
    previousHandler = qInstallMessageHandler(handleMessage);
    handlerInstalled = true;
  }
}

LogFile* LogFile::current() { return currentLog.load(); }

}  // namespace rashisa::ui
