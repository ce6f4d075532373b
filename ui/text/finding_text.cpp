#include "ui/text/finding_text.h"

#include "ui/text/error_text.h"

namespace rashisa::ui {

FindingText PhotoText::finding(const PhotoFinding& f, int photoCount) {
  const QString& c = f.code;
  if (c == QLatin1String("too-few-photos")) {
    if (photoCount == 0)
      return {tr("No photos yet"), tr("Add 5 to 20 photos of the product, taken from different angles.")};
    return {tr("Only %n photo(s)", nullptr, photoCount),
            tr("Add more: 5 to 20 photos from different angles and distances teach the product's shape, not "
               "just one view of it.")};
  }
  if (c == QLatin1String("too-many-photos"))
    return {tr("%n photos is more than needed", nullptr, photoCount),
            tr("Keep the 20 best and most varied ones. More photos make training slower, not better.")};
  if (c == QLatin1String("low-resolution"))
    return {tr("Small photo"),
            tr("Use a photo at least 512 pixels on its shorter side; small photos make soft results.")};
  if (c == QLatin1String("blurry"))
    return {tr("Blurred photo"),
            tr("Replace it with a sharp photo: Rashisa would learn the blur as part of the product.")};
  if (c == QLatin1String("exact-duplicate"))
    return {tr("The same photo twice"), tr("Remove the copies and keep one.")};
  if (c == QLatin1String("near-duplicate"))
    return {tr("Almost the same photos"),
            tr("Keep one of them, or retake from another angle: with only one view, Rashisa learns only that "
               "view.")};
  if (c == QLatin1String("subject-cut-off"))
    return {tr("The product may be cut off"),
            tr("If part of the product is outside the photo, use one that shows all of it with some space "
               "around it.")};
  if (c == QLatin1String("subject-small"))
    return {tr("The product is small in the photo"),
            tr("Crop the photo or take it from closer, so the product fills most of the frame.")};
  return {tr("Something to check"), tr("See \"Copy details\" for the exact finding.")};
}

FindingText PhotoText::importFailure(const QString& c) {
  if (c == QLatin1String("missing")) return {tr("File not found"), tr("It may have been moved or renamed.")};
  if (c == QLatin1String("unreadable"))
    return {tr("File could not be read"), tr("Check that you may open it, then add it again.")};
  if (c == QLatin1String("not-an-image"))
    return {tr("Not a photo"), tr("Only JPEG, PNG, WebP, TIFF and BMP photos can be added.")};
  if (c == QLatin1String("unsupported"))
    return {tr("Format not supported"),
            tr("Convert it to JPEG or PNG first. On an iPhone, the camera setting \"Most Compatible\" saves "
               "JPEG instead of HEIC.")};
  if (c == QLatin1String("too-large"))
    return {tr("Photo too large"), tr("Scale it down to at most 20,000 pixels per side and add it again.")};
  if (c == QLatin1String("truncated"))
    return {tr("File is incomplete"), tr("Copy it again, or export it again from the original.")};
  if (c == QLatin1String("corrupt")) return {tr("File is damaged"), tr("Export it again from the original.")};
  if (c == QLatin1String("empty")) return {tr("Empty file"), tr("The file holds no data; copy it again.")};
  if (c == QLatin1String("disk-full"))
    return {tr("The disk is full"), tr("Free some disk space, then add the photo again.")};
  if (ErrorText::isKnown(c)) {  // a project-file fault while storing the photo (busy, read-only, ...)
    const UserMessage m = ErrorText::forCode(c);
    return {m.title, m.advice};
  }
  return {tr("Could not be added"), tr("See \"Copy details\" for the exact reason.")};
}

QString PhotoText::summary(int photos, int warnings, int errors) {
  const QString count = tr("%n photo(s)", nullptr, photos);
  if (errors > 0) return tr("%1 · %2 to fix").arg(count).arg(errors);
  if (warnings > 0) return tr("%1 · %2 to check").arg(count).arg(warnings);
  return tr("%1 · ready").arg(count);
}

QString PhotoText::severityName(Severity s) {
  switch (s) {
    case Severity::Error: return tr("Must fix");
    case Severity::Warning: return tr("Check");
    case Severity::Info: return tr("Note");
  }
  return {};
}

}  // namespace rashisa::ui
