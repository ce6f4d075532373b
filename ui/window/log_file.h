#pragma once
// Rashisa's log: one text file in the application's data folder (logs/rashisa.log), written by
// a Qt message handler (every qDebug/qInfo/qWarning of the program, from any thread) and by the
// controller (every job and how it ended). It rotates at about 1 MB and keeps three files, so
// "copy details" and support always have the recent past and the disk never fills with logs.
#include <QFile>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace rashisa::ui {

class LogFile {
 public:
  static constexpr qint64 kMaxBytes = qint64(1) << 20;
  static constexpr int kFiles = 3;  // rashisa.log, rashisa.log.1, rashisa.log.2

  explicit LogFile(const QString& path, qint64 maxBytes = kMaxBytes, int files = kFiles);
  /// Uninstalls itself when it is the current log.
  ~LogFile();
  LogFile(const LogFile&) = delete;
  LogFile& operator=(const LogFile&) = delete;

  /// <AppDataLocation>/logs/rashisa.log (needs the application's name set first).
  static QString defaultPath();

  QString path() const { return path_; }
  /// Appends one line with a UTC time stamp; rotates first when the file would grow past the
  /// limit. Thread-safe.
  void write(const QString& line);
  /// The last `lines` lines written (from the older file too when the current one is short).
  QStringList tail(int lines) const;

  /// Makes `log` the one the message handler and the controller write to (nullptr: none) and
  /// installs the Qt message handler, which also passes every message on to the previous one.
  static void install(LogFile* log);
  static LogFile* current();

 private:
  void rotate();
  QString rotated(int index) const;

  QString path_;
  qint64 maxBytes_;
  int files_;
  mutable QMutex mutex_;
  QFile file_;
};

}  // namespace rashisa::ui
