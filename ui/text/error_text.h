#pragma once
// Engine error codes -> what the user reads: what happened, what to do next, and which fix
// the window can offer as a button. Every code the engine can report has its own message: the
// error codes and model-file faults of engine/core/error.h and the project-file faults of engine/store/store_error.h
// (tests/gui/test_first_start.cpp checks the list against the engine's names). The engine's
// English sentence is kept for "copy details".
#include "ui/jobs/engine_types.h"
#include "ui/jobs/job_runner.h"

#include <QCoreApplication>
#include <QString>

namespace rashisa::ui {

enum class FixAction { None, ChooseModel, OpenProject, LowerMemory, Retry, FreeDisk };

struct UserMessage {
  QString title;   // one sentence: what happened
  QString advice;  // what to do next
  FixAction action = FixAction::None;
};

class ErrorText {
  Q_DECLARE_TR_FUNCTIONS(ErrorText)

 public:
  /// The message for a failed job; `kind` says what the user was doing.
  static UserMessage forJob(JobKind kind, const JobError& error);
  /// The message for a code whatever the job was; unknown codes get a general message.
  static UserMessage forCode(const QString& code);
  /// True when the code has its own message (not the general one for unknown codes).
  static bool isKnown(const QString& code);
  /// What to do about a full disk: how much space is needed, in which folder, and how much
  /// is free there now (`available` < 0: unknown).
  static QString diskAdvice(const QString& folder, qint64 needed, qint64 available);
  /// Text for "copy details": code, engine message, versions, the device, the last jobs and
  /// the end of the log file.
  static QString details(JobKind kind, const JobError& error, const QString& device = {},
                         const QStringList& logTail = {}, const QString& logFile = {},
                         const QStringList& fileTail = {});

 private:
  static UserMessage projectFault(const QString& code);
  static UserMessage modelFault(const QString& code);
  static UserMessage modelFileFault(const QString& code);  // the ModelFault codes of engine/core/error.h
  static UserMessage fileFault(const QString& code);
  static UserMessage storeFault(const QString& code);
};

}  // namespace rashisa::ui
