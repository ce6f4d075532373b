#pragma once
// The look shared by cards and panels across the pages, the wizard and the dialogs: a rounded,
// bordered card, headings, and a grey explanatory note.
#include <QString>

class QFrame;
class QLabel;
class QVBoxLayout;
class QWidget;

namespace rashisa::ui {

/// Gives `card` the rounded border of the Start page's cards; returns its layout.
QVBoxLayout* makeCard(QFrame* card, const QString& objectName);
/// A bold heading, a little larger than the text.
QLabel* makeCardHeading(const QString& text, QWidget* parent);
/// A grey, word-wrapped note.
QLabel* makeNote(const QString& text, QWidget* parent);

/// Gives `frame` the card look (its labels stay transparent); `fill` is a CSS colour or empty.
void styleCard(QFrame* frame, const QString& name, const QString& fill = {});
/// A bold label for headings inside a page or panel.
QLabel* headingLabel(const QString& text, QWidget* parent);

}  // namespace rashisa::ui
