#pragma once
// Building blocks shared by the Start page's cards, the wizard and the dialogs: a bordered card,
// its heading, and a grey explanatory note.
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

}  // namespace rashisa::ui
