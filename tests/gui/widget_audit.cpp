#include "tests/gui/widget_audit.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSpinBox>
#include <QTabWidget>
#include <QTextDocument>

namespace rashisa::testing {

namespace {

bool shown(QWidget* w, QWidget* root) { return w->isVisibleTo(root) && w->width() > 0 && w->height() > 0; }

QString describe(QWidget* w) {
  return QString::fromLatin1(w->metaObject()->className()) +
         (w->objectName().isEmpty() ? QString() : QLatin1Char('#') + w->objectName());
}

QString plain(const QString& text) {
  if (!Qt::mightBeRichText(text)) return text;
  QTextDocument doc;
  doc.setHtml(text);
  return doc.toPlainText();
}

}  // namespace

QStringList clippedTexts(QWidget* root) {
  QStringList out;
  for (QWidget* w : root->findChildren<QWidget*>()) {
    if (!shown(w, root)) continue;
    if (auto* l = qobject_cast<QLabel*>(w)) {
      if (l->text().isEmpty() || l->pixmap().cacheKey() != 0) continue;
      if (l->wordWrap()) {
        const int need = l->heightForWidth(l->width());
        if (need > l->height() + 2)
          out << QStringLiteral("%1 '%2' needs %3 px height, has %4").arg(describe(l), plain(l->text())).arg(need).arg(l->height());
      } else if (l->sizeHint().width() > l->width() + 2) {
        out << QStringLiteral("%1 '%2' needs %3 px, has %4")
                   .arg(describe(l), plain(l->text()))
                   .arg(l->sizeHint().width())
                   .arg(l->width());
      }
    } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
      if (b->text().isEmpty()) continue;
      if (b->sizeHint().width() > b->width() + 2)
        out << QStringLiteral("%1 '%2' needs %3 px, has %4").arg(describe(b), b->text()).arg(b->sizeHint().width()).arg(b->width());
    }
  }
  return out;
}

QList<VisibleText> visibleTexts(QWidget* root) {
  QList<VisibleText> out;
  auto add = [&](QWidget* w, const char* what, const QString& text) {
    if (!text.trimmed().isEmpty()) out.push_back({describe(w), QString::fromLatin1(what), plain(text)});
  };
  QList<QWidget*> widgets = root->findChildren<QWidget*>();
  widgets.prepend(root);
  for (QWidget* w : widgets) {
    const bool menu = qobject_cast<QMenu*>(w) != nullptr;
    if (!menu && !shown(w, root) && w != root) continue;
    add(w, "toolTip", w->toolTip());
    add(w, "accessibleName", w->accessibleName());
    add(w, "accessibleDescription", w->accessibleDescription());
    if (w->isWindow()) add(w, "windowTitle", w->windowTitle());
    if (auto* l = qobject_cast<QLabel*>(w)) add(w, "text", l->text());
    if (auto* b = qobject_cast<QAbstractButton*>(w)) add(w, "text", b->text());
    if (auto* e = qobject_cast<QLineEdit*>(w)) add(w, "placeholderText", e->placeholderText());
    if (auto* g = qobject_cast<QGroupBox*>(w)) add(w, "title", g->title());
    if (auto* s = qobject_cast<QAbstractSpinBox*>(w)) {
      add(w, "specialValueText", s->specialValueText());
      if (auto* sb = qobject_cast<QSpinBox*>(w)) add(w, "suffix", sb->suffix());
      if (auto* db = qobject_cast<QDoubleSpinBox*>(w)) add(w, "suffix", db->suffix());
    }
    if (auto* c = qobject_cast<QComboBox*>(w))
      for (int i = 0; i < c->count(); ++i) add(w, "item", c->itemText(i));
    if (auto* t = qobject_cast<QTabWidget*>(w))
      for (int i = 0; i < t->count(); ++i) add(w, "tab", t->tabText(i));
    if (auto* v = qobject_cast<QAbstractItemView*>(w); v && v->model())
      for (int r = 0; r < v->model()->rowCount(); ++r) {
        add(w, "item", v->model()->index(r, 0).data(Qt::DisplayRole).toString());
        add(w, "itemToolTip", v->model()->index(r, 0).data(Qt::ToolTipRole).toString());
      }
    for (QAction* a : w->actions()) {
      add(w, "action", a->text());
      add(w, "actionToolTip", a->toolTip() == a->text() ? QString() : a->toolTip());
    }
  }
  if (auto* mw = qobject_cast<QMainWindow*>(root))
    for (QAction* a : mw->menuBar()->actions()) {
      add(mw->menuBar(), "menu", a->text());
      if (a->menu())
        for (QAction* sub : a->menu()->actions()) {
          add(mw->menuBar(), "menuItem", sub->text());
          if (sub->menu())
            for (QAction* subsub : sub->menu()->actions()) add(mw->menuBar(), "menuItem", subsub->text());
        }
    }
  return out;
}

}  // namespace rashisa::testing
