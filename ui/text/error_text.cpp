#include "ui/text/error_text.h"

#include <QSysInfo>

namespace rashisa::ui {

namespace {

bool isModelJob(JobKind kind) {
  return kind == JobKind::SetModel || kind == JobKind::DescribeModel || kind == JobKind::CheckCategory;
}

bool isProjectJob(JobKind kind) {
  return kind == JobKind::OpenProject || kind == JobKind::CreateProject || kind == JobKind::Refresh;
}

}  // namespace

UserMessage ErrorText::projectFault(const QString& code) {
  if (code == QLatin1String("missing") || code == QLatin1String("file-not-found"))
    return {tr("The project file was not found."),
            tr("It may have been moved or deleted. Check where it is and open it again."), FixAction::OpenProject};
  if (code == QLatin1String("not-a-database") || code == QLatin1String("foreign"))
    return {tr("This file is not a Rashisa project."), tr("Choose a .rashisa file."), FixAction::OpenProject};
  if (code == QLatin1String("too-new"))
    return {tr("This project was made with a newer version of Rashisa."),
            tr("Update Rashisa, then open it again. The file has not been changed.")};
  if (code == QLatin1String("damaged"))
    return {tr("The project file is damaged."),
            tr("Restore it from a backup. Rashisa has not changed the file.")};
  if (code == QLatin1String("already-exists"))
    return {tr("A file with this name already exists."), tr("Choose another name or folder.")};
  if (code == QLatin1String("read-only"))
    return {tr("Rashisa cannot write to this place."),
            tr("Copy the project to a folder you can write to, then open the copy.")};
  if (code == QLatin1String("busy"))
    return {tr("Another program is using this project."),
            tr("Close it in the other Rashisa window or rashisa-cli, then try again.")};
  return general(code);
}

UserMessage ErrorText::modelFault(const QString& code) {
  if (code == QLatin1String("file-not-found"))
    return {tr("The base model was not found."), tr("Check where the file or folder is, and choose it again."),
            FixAction::ChooseModel};
  if (code == QLatin1String("unsafe-format"))
    return {tr("Rashisa does not open this model format, for safety."),
            tr("Files such as .ckpt can run programs when they are opened. Convert the model to .safetensors "
               "with a tool you trust, then choose that file."),
            FixAction::ChooseModel};
  if (code == QLatin1String("unsupported-model"))
    return {tr("This model is not supported."),
            tr("Choose a Stable Diffusion 1.5 or 2.1 model: a diffusers folder or a .safetensors file."),
            FixAction::ChooseModel};
  if (code == QLatin1String("file-format") || code == QLatin1String("file-read"))
    return {tr("The model's files are damaged or not in the expected format."),
            tr("Check that the copy or download was complete, then choose the model again."),
            FixAction::ChooseModel};
  if (code == QLatin1String("model-mismatch"))
    return {tr("The base model is not the one this project was made with."),
            tr("Put the original model back, or choose this one again (earlier images then cannot be remade "
               "exactly)."),
            FixAction::ChooseModel};
  return general(code);
}

UserMessage ErrorText::general(const QString& code) {
  if (code == QLatin1String("out-of-memory"))
    return {tr("The GPU ran out of memory."),
            tr("Close other programs that use the GPU, or choose a smaller memory setting under Advanced "
               "settings. Training continues from its last save."),
            FixAction::LowerMemory};
  if (code == QLatin1String("disk-full"))
    return {tr("The disk is full."),
            tr("Free some disk space, then try again. Everything done so far is saved."), FixAction::Retry};
  if (code == QLatin1String("file-write") || code == QLatin1String("io"))
    return {tr("A file could not be written."),
            tr("Check the free disk space and that you may write to the folder, then try again."), FixAction::Retry};
  if (code == QLatin1String("file-read"))
    return {tr("A file could not be read."), tr("Check that the file is still there and readable.")};
  if (code == QLatin1String("file-not-found") || code == QLatin1String("missing"))
    return {tr("A file was not found."), tr("Check that it has not been moved or deleted.")};
  if (code == QLatin1String("damaged"))
    return {tr("Part of the project file is damaged."), tr("Restore the project from a backup.")};
  if (code == QLatin1String("busy"))
    return {tr("Another program is using this project."), tr("Close the other program, then try again."),
            FixAction::Retry};
  if (code == QLatin1String("invalid-argument") || code == QLatin1String("invalid") ||
      code == QLatin1String("duplicate") || code == QLatin1String("constraint"))
    return {tr("This cannot be done with the current settings."),
            tr("Check the settings on this page. \"Copy details\" shows the exact reason.")};
  if (code == QLatin1String("model-mismatch") || code == QLatin1String("unsupported-model") ||
      code == QLatin1String("unsafe-format"))
    return modelFault(code);
  return {tr("Something unexpected went wrong."),
          tr("Use \"Copy details\" and send the text to your support contact.")};
}

UserMessage ErrorText::forJob(JobKind kind, const JobError& error) {
  if (isProjectJob(kind)) return projectFault(error.code);
  if (isModelJob(kind)) return modelFault(error.code);
  if (kind == JobKind::Train && error.code == QLatin1String("file-not-found")) return modelFault(error.code);
  return general(error.code);
}

QString ErrorText::details(JobKind kind, const JobError& error, const QString& device, const QStringList& logTail) {
  // For support: always in English, whatever the window's language.
  QString text = QStringLiteral("Rashisa %1\ncode: %2\njob: %3\nmessage: %4\nsystem: %5 (%6)\nQt: %7\ndevice: %8")
                     .arg(QStringLiteral(RASHISA_VERSION), error.code, QString::number(static_cast<int>(kind)),
                          error.message, QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture(),
                          QString::fromLatin1(qVersion()), device.isEmpty() ? QStringLiteral("unknown") : device);
  if (!logTail.isEmpty()) text += QStringLiteral("\nlast jobs:\n  ") + logTail.join(QStringLiteral("\n  "));
  return text;
}

}  // namespace rashisa::ui
