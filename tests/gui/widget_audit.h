#pragma once
// Checks over a window's visible widgets: text that does not fit (clipped) and the visible
// texts themselves (for the translation coverage test).
#include <QString>
#include <QStringList>

class QWidget;

namespace rashisa::testing {

/// "ClassName 'text' needs 240 px, has 200" for every visible label or button whose text does
/// not fit.
QStringList clippedTexts(QWidget* root);

struct VisibleText {
  QString where;  // class and object name
  QString what;   // "text", "toolTip", "placeholderText", "windowTitle", "accessibleName", ...
  QString text;
};
/// Every user-visible text under `root` (and its menus): widget texts, tooltips, placeholders,
/// titles, accessible names, combo box items, item-view display text.
QList<VisibleText> visibleTexts(QWidget* root);

}  // namespace rashisa::testing
