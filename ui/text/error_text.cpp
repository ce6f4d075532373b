#include "ui/text/error_text.h"

#include "ui/text/format.h"

#include <QDir>
#include <QSysInfo>

namespace rashisa::ui {

namespace {

bool isModelJob(JobKind kind) {
  return kind == JobKind::SetModel || kind == JobKind::DescribeModel || kind == JobKind::CheckCategory;
}

bool isProjectJob(JobKind kind) {
  return kind == JobKind::OpenProject || kind == JobKind::CreateProject || kind == JobKind::Refresh;
}

bool is(const QString& code, const char* name) { return code == QLatin1String(name); }

}  // namespace

UserMessage ErrorText::projectFault(const QString& code) {
  if (is(code, "missing") || is(code, "file-not-found"))
    return {tr("The project file was not found."),
            tr("It may have been moved or deleted. Check where it is and open it again."), FixAction::OpenProject};
  if (is(code, "not-a-database") || is(code, "foreign") || is(code, "file-format"))
    return {tr("This file is not a Rashisa project."), tr("Choose a .rashisa file."), FixAction::OpenProject};
  if (is(code, "too-new"))
    return {tr("This project was made with a newer version of Rashisa."),
            tr("Update Rashisa, then open it again. The file has not been changed.")};
  if (is(code, "damaged"))
    return {tr("The project file is damaged."),
            tr("Restore it from a backup. Rashisa has not changed the file.")};
  if (is(code, "already-exists"))
    return {tr("A file with this name already exists."), tr("Choose another name or folder.")};
  if (is(code, "read-only"))
    return {tr("Rashisa cannot write to this place."),
            tr("Copy the project to a folder you can write to, then open the copy.")};
  if (is(code, "busy"))
    return {tr("Another program is using this project."),
            tr("Close it in the other Rashisa window or rashisa-cli, then try again.")};
  return forCode(code);
}

UserMessage ErrorText::modelFault(const QString& code) {
  if (is(code, "file-not-found") || is(code, "missing"))
    return {tr("The base model was not found."), tr("Check where the file or folder is, and choose it again."),
            FixAction::ChooseModel};
  if (is(code, "unsafe-format"))
    return {tr("Rashisa does not open this model format, for safety."),
            tr("Files such as .ckpt can run programs when they are opened. Convert the model to .safetensors "
               "with a tool you trust, then choose that file."),
            FixAction::ChooseModel};
  if (is(code, "unsupported-model"))
    return {tr("This model is not supported."),
            tr("Choose a Stable Diffusion 1.5 or 2.1 model: a diffusers folder or a .safetensors file."),
            FixAction::ChooseModel};
  if (is(code, "file-format") || is(code, "file-read"))
    return {tr("The model's files are damaged or not in the expected format."),
            tr("Check that the copy or download was complete, then choose the model again."),
            FixAction::ChooseModel};
  if (UserMessage m = modelFileFault(code); !m.title.isEmpty()) return m;
  if (is(code, "model-mismatch"))
    return {tr("The base model is not the one this project was made with."),
            tr("Put the original model back, or choose this one again (earlier images then cannot be remade "
               "exactly)."),
            FixAction::ChooseModel};
  return forCode(code);
}

UserMessage ErrorText::modelFileFault(const QString& code) {
  if (is(code, "model-config-mismatch"))
    return {tr("The model's settings file does not match its weights."),
            tr("They come from different models. Choose the original model again, or download the model again "
               "from where you got it."),
            FixAction::ChooseModel};
  if (is(code, "model-truncated"))
    return {tr("A weight file of the model is incomplete."),
            tr("The copy or download did not finish. Copy the model again, or download it again from where you "
               "got it."),
            FixAction::ChooseModel};
  if (is(code, "model-missing-shard"))
    return {tr("Part of the model's weights is missing."),
            tr("The model is split into several files and not all of them are there. Copy the whole model folder "
               "again, or download it again."),
            FixAction::ChooseModel};
  if (is(code, "model-other-architecture"))
    return {tr("Part of this model belongs to a different kind of model."),
            tr("For example, Stable Diffusion 2.x weights are in a 1.5 folder. Choose the original model again, or "
               "download the model again from where you got it."),
            FixAction::ChooseModel};
  if (is(code, "model-not-finite"))
    return {tr("The model's weights are damaged: they contain invalid numbers."),
            tr("Images made with it would be only noise or black. Download the model again, or use another copy."),
            FixAction::ChooseModel};
  if (is(code, "model-tokenizer-mismatch"))
    return {tr("The model's word list (tokenizer) does not fit the model."),
            tr("Its tokenizer folder comes from another model or is incomplete. Choose the original model again, or "
               "download the model again from where you got it."),
            FixAction::ChooseModel};
  return {};
}

UserMessage ErrorText::fileFault(const QString& code) {
  if (is(code, "disk-full"))
    return {tr("The disk is full."),
            tr("Free some disk space, then try again. Everything done so far is saved."), FixAction::FreeDisk};
  if (is(code, "file-write"))
    return {tr("A file could not be written."),
            tr("Check the free disk space and that you may write to the folder, then try again."), FixAction::Retry};
  if (is(code, "io"))
    return {tr("The disk reported an error while Rashisa was reading or writing."),
            tr("Check that the drive is still connected and working, then try again."), FixAction::Retry};
  if (is(code, "file-read"))
    return {tr("A file could not be read."), tr("Check that the file is still there and readable.")};
  if (is(code, "file-not-found") || is(code, "missing"))
    return {tr("A file was not found."), tr("Check that it has not been moved or deleted.")};
  if (is(code, "file-format"))
    return {tr("A file is damaged or not in the format Rashisa expected."),
            tr("Use another copy of the file, or save it again from the program that made it.")};
  if (is(code, "read-only"))
    return {tr("Rashisa cannot write to this place."),
            tr("Choose a folder you may write to, or ask your administrator for permission.")};
  if (is(code, "already-exists"))
    return {tr("A file with this name already exists."), tr("Choose another name or folder.")};
  return {};
}

UserMessage ErrorText::storeFault(const QString& code) {
  if (is(code, "damaged"))
    return {tr("Part of the project file is damaged."), tr("Restore the project from a backup.")};
  if (is(code, "busy"))
    return {tr("Another program is using this project."), tr("Close the other program, then try again."),
            FixAction::Retry};
  if (is(code, "in-use"))
    return {tr("This project is open for changes in another program."),
            tr("Close it there (another Rashisa window or rashisa-cli), or open the project read-only.")};
  if (is(code, "not-a-database") || is(code, "foreign"))
    return {tr("This file is not a Rashisa project."), tr("Choose a .rashisa file."), FixAction::OpenProject};
  if (is(code, "too-new"))
    return {tr("This project was made with a newer version of Rashisa."),
            tr("Update Rashisa, then open it again. The file has not been changed.")};
  if (is(code, "duplicate"))
    return {tr("This is already in the project."), tr("Nothing was added twice; you can carry on.")};
  if (is(code, "not-found"))
    return {tr("This item is no longer in the project."),
            tr("It may have been removed in the meantime. The page now shows the project as it is.")};
  if (is(code, "constraint"))
    return {tr("This change does not fit the rest of the project."),
            tr("Something it refers to may have been removed. \"Copy details\" shows the exact reason.")};
  if (is(code, "closed"))
    return {tr("The project was closed before this could be saved."),
            tr("Open the project again, then repeat the last step.")};
  if (is(code, "invalid") || is(code, "invalid-argument"))
    return {tr("This cannot be done with the current settings."),
            tr("Check the settings on this page. \"Copy details\" shows the exact reason.")};
  return {};
}

UserMessage ErrorText::forCode(const QString& code) {
  if (is(code, "out-of-memory"))
    return {tr("The GPU ran out of memory."),
            tr("Close other programs that use the GPU, or choose a smaller memory setting under Advanced "
               "settings. Training continues from its last save."),
            FixAction::LowerMemory};
  if (UserMessage m = fileFault(code); !m.title.isEmpty()) return m;
  if (UserMessage m = storeFault(code); !m.title.isEmpty()) return m;
  if (is(code, "model-mismatch") || is(code, "unsupported-model") || is(code, "unsafe-format"))
    return modelFault(code);
  if (UserMessage m = modelFileFault(code); !m.title.isEmpty()) return m;
  if (is(code, "cancelled"))
    return {tr("The work was stopped."), tr("What was finished is kept. Start it again whenever you like.")};
  if (is(code, "internal"))
    return {tr("Rashisa ran into a problem of its own."),
            tr("This is a bug. Your work so far is saved. Use \"Copy details\" and send the text to your support "
               "contact.")};
  return {tr("Something unexpected went wrong."),
          tr("Use \"Copy details\" and send the text to your support contact.")};
}

bool ErrorText::isKnown(const QString& code) { return forCode(code).title != forCode(QString()).title; }

UserMessage ErrorText::forJob(JobKind kind, const JobError& error) {
  if (isProjectJob(kind)) return projectFault(error.code);
  if (isModelJob(kind)) return modelFault(error.code);
  if (kind == JobKind::Train && error.code == QLatin1String("file-not-found")) return modelFault(error.code);
  return forCode(error.code);
}

QString ErrorText::diskAdvice(const QString& folder, qint64 needed, qint64 available) {
  const QString where = QDir::toNativeSeparators(folder);
  if (available < 0)
    return tr("Rashisa needs about %1 free at %2. Free some space there, then try again. Everything done so far "
              "is saved.")
        .arg(Format::bytes(needed), where);
  return tr("Rashisa needs about %1 free at %2, and %3 is free now. Free some space there, then try again. "
            "Everything done so far is saved.")
      .arg(Format::bytes(needed), where, Format::bytes(available));
}

QString ErrorText::details(JobKind kind, const JobError& error, const QString& device, const QStringList& logTail,
                           const QString& logFile, const QStringList& fileTail) {
  // For support: always in English, whatever the window's language.
  QString text = QStringLiteral("Rashisa %1\ncode: %2\njob: %3\nmessage: %4\nsystem: %5 (%6)\nQt: %7\ndevice: %8")
                     .arg(QStringLiteral(RASHISA_VERSION), error.code, QString::number(static_cast<int>(kind)),
                          error.message, QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                          QString::fromLatin1(qVersion()), device.isEmpty() ? QStringLiteral("unknown") : device);
  if (!logTail.isEmpty()) text += QStringLiteral("\nlast jobs:\n  ") + logTail.join(QStringLiteral("\n  "));
  if (!logFile.isEmpty()) text += QStringLiteral("\nlog file: ") + QDir::toNativeSeparators(logFile);
  if (!fileTail.isEmpty()) text += QStringLiteral("\nlog:\n  ") + fileTail.join(QStringLiteral("\n  "));
  return text;
}

}  // namespace rashisa::ui
