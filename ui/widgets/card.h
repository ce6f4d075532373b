#pragma once
// The look shared by the panels inside pages: a rounded, bordered card, and bold headings.
#include <QString>

class QFrame;
class QLabel;
class QWidget;

namespace rashisa::ui {

/// Gives `frame` the card look (its labels stay transparent); `fill` is a CSS colour or empty.
void styleCard(QFrame* frame, const QString& name, const QString& fill = {});
/// A bold label for headings inside a page or panel.
QLabel* headingLabel(const QString& text, QWidget* parent);

}  // namespace rashisa::ui
