#pragma once
// Helpers for templates being edited: comparing them, counting their prompts, making a free
// id, and keeping unsaved drafts as JSON (in the settings, so that no edit is lost when the
// window closes before "Save").
#include "ui/jobs/catalogue_types.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace rashisa::ui {

/// The same content (everything the editor changes; the example image and `builtin` are the
/// project's and do not count).
bool sameTemplate(const TemplateItem& a, const TemplateItem& b);

/// Prompts a template expands to: the product of its variables' value counts (1 without
/// variables), saturating at `cap` + 1 so that huge grids do not overflow.
qint64 promptCount(const TemplateItem& item, qint64 cap = 1'000'000);

/// `base` when it is not in `taken`, else base-2, base-3, ...
QString uniqueKey(const QString& base, const QStringList& taken);

QByteArray draftsToJson(const QList<TemplateItem>& drafts);
/// Drafts written by draftsToJson(); broken or foreign data gives an empty list.
QList<TemplateItem> draftsFromJson(const QByteArray& json);

}  // namespace rashisa::ui
