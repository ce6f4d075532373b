#pragma once
// Engine error codes -> what the user reads: what happened, what to do next, and which fix
// the window can offer as a button. The engine's English sentence is kept for "copy details".
#include "ui/jobs/engine_types.h"
#include "ui/jobs/job_runner.h"

#include <QCoreApplication>
#include <QString>

namespace rashisa::ui {

enum class FixAction { None, ChooseModel, OpenProject, LowerMemory, Retry };

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
  /// Text for "copy details": code, engine message, versions, the device and the last jobs.
  static QString details(JobKind kind, const JobError& error, const QString& device = {},
                         const QStringList& logTail = {});

 private:
  static UserMessage projectFault(const QString& code);
  static UserMessage modelFault(const QString& code);
  static UserMessage general(const QString& code);
};

}  // namespace rashisa::ui
