#include "ui/models/template_list_model.h"

#include "ui/models/template_draft.h"
#include "ui/text/template_text.h"

namespace rashisa::ui {

bool TemplateEntry::dirty() const { return !saved || !sameTemplate(*saved, draft); }

TemplateListModel::TemplateListModel(QObject* parent) : QAbstractListModel(parent) {}

namespace {

/// The draft with what only the project decides (id, example, built-in) taken from `stored`.
TemplateItem withProjectParts(TemplateItem draft, const TemplateItem& stored) {
  draft.id = stored.id;
  draft.example = stored.example;
  draft.builtin = stored.builtin;
  return draft;
}

}  // namespace

void TemplateListModel::reset(const QList<TemplateItem>& stored, const QList<TemplateItem>& drafts,
                              const QSet<qint64>& leftOut) {
  beginResetModel();
  entries_.clear();
  for (const TemplateItem& t : stored) entries_.push_back({nextUid_++, t, t, !leftOut.contains(t.id)});
  for (TemplateItem d : drafts) {
    TemplateEntry* e = nullptr;
    for (TemplateEntry& x : entries_)
      if (d.id != 0 && x.saved && x.saved->id == d.id) e = &x;
    if (e) {
      e->draft = withProjectParts(d, *e->saved);
    } else {
      d.id = 0;
      entries_.push_back({nextUid_++, std::nullopt, d, true});
    }
  }
  endResetModel();
}

void TemplateListModel::merge(const QList<TemplateItem>& stored) {
  const QList<TemplateEntry> old = entries_;
  QList<TemplateEntry> next;
  QSet<int> used;
  for (const TemplateItem& t : stored) {
    int at = -1;
    for (int i = 0; i < old.size() && at < 0; ++i)
      if (old[i].saved && old[i].saved->id == t.id) at = i;
    for (int i = 0; i < old.size() && at < 0; ++i)  // a new template that has just been saved
      if (!old[i].saved && old[i].draft.key == t.key && !used.contains(i)) at = i;
    TemplateEntry e;
    if (at >= 0) {
      used.insert(at);
      e = old[at];
      e.draft = e.dirty() ? withProjectParts(e.draft, t) : t;
    } else {
      e = {nextUid_++, std::nullopt, t, true};
    }
    e.saved = t;
    next.push_back(e);
  }
  for (int i = 0; i < old.size(); ++i) {
    if (used.contains(i) || (old[i].saved && !old[i].dirty())) continue;
    TemplateEntry e = old[i];  // unsaved: kept; removed elsewhere with changes: kept as a new one
    e.saved.reset();
    e.draft.id = 0;
    next.push_back(e);
  }
  bool sameRows = next.size() == entries_.size();
  for (int i = 0; sameRows && i < next.size(); ++i) sameRows = next[i].uid == entries_[i].uid;
  if (!sameRows) {
    beginResetModel();
    entries_ = next;
    endResetModel();
    return;
  }
  entries_ = next;
  if (!entries_.isEmpty()) Q_EMIT dataChanged(index(0), index(static_cast<int>(entries_.size()) - 1));
}

void TemplateListModel::adoptSaved(const TemplateItem& item) {
  for (int row = 0; row < entries_.size(); ++row) {
    TemplateEntry& e = entries_[row];
    const bool match = e.saved ? e.saved->id == item.id : e.draft.key == item.key;
    if (!match) continue;
    e.saved = item;
    e.draft = withProjectParts(e.draft, item);
    changed(row);
    Q_EMIT draftChanged(e.uid);
    return;
  }
}

int TemplateListModel::add(const TemplateItem& draft) {
  const int row = static_cast<int>(entries_.size());
  beginInsertRows({}, row, row);
  TemplateEntry e{nextUid_++, std::nullopt, draft, true};
  e.draft.id = 0;
  entries_.push_back(e);
  endInsertRows();
  return e.uid;
}

void TemplateListModel::remove(int uid) {
  const int row = rowOf(uid);
  if (row < 0) return;
  beginRemoveRows({}, row, row);
  entries_.removeAt(row);
  endRemoveRows();
  Q_EMIT chosenChanged();
}

void TemplateListModel::setDraft(int uid, const TemplateItem& draft) {
  TemplateEntry* e = find(uid);
  if (!e) return;
  e->draft = e->saved ? withProjectParts(draft, *e->saved) : draft;
  changed(rowOf(uid));
  Q_EMIT draftChanged(uid);
}

void TemplateListModel::discard(int uid) {
  TemplateEntry* e = find(uid);
  if (!e || !e->saved) return;
  setDraft(uid, *e->saved);
}

TemplateEntry* TemplateListModel::find(int uid) {
  for (TemplateEntry& e : entries_)
    if (e.uid == uid) return &e;
  return nullptr;
}

const TemplateEntry* TemplateListModel::entry(int uid) const { return const_cast<TemplateListModel*>(this)->find(uid); }

int TemplateListModel::rowOf(int uid) const {
  for (int i = 0; i < entries_.size(); ++i)
    if (entries_[i].uid == uid) return i;
  return -1;
}

int TemplateListModel::uidAt(int row) const { return row >= 0 && row < entries_.size() ? entries_[row].uid : 0; }

QList<TemplateItem> TemplateListModel::unsavedDrafts() const {
  QList<TemplateItem> out;
  for (const TemplateEntry& e : entries_)
    if (e.dirty()) out.push_back(e.draft);
  return out;
}

QSet<qint64> TemplateListModel::leftOut() const {
  QSet<qint64> out;
  for (const TemplateEntry& e : entries_)
    if (!e.chosen && e.saved) out.insert(e.saved->id);
  return out;
}

QList<TemplateItem> TemplateListModel::chosenDrafts() const {
  QList<TemplateItem> out;
  for (const TemplateEntry& e : entries_)
    if (e.chosen) out.push_back(e.draft);
  return out;
}

QStringList TemplateListModel::keys(int exceptUid) const {
  QStringList out;
  for (const TemplateEntry& e : entries_) {
    if (e.uid == exceptUid) continue;
    out << e.draft.key;
    if (e.saved && e.saved->key != e.draft.key) out << e.saved->key;
  }
  return out;
}

void TemplateListModel::changed(int row) {
  if (row >= 0) Q_EMIT dataChanged(index(row), index(row));
}

int TemplateListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QString TemplateListModel::subtitle(const TemplateEntry& e) const {
  QStringList parts;
  parts << tr("%n prompt(s)", nullptr, static_cast<int>(std::min<qint64>(promptCount(e.draft), 1'000'000)));
  if (e.draft.builtin) parts << tr("Built-in");
  if (!e.saved)
    parts << tr("New, not saved");
  else if (e.dirty())
    parts << tr("Not saved");
  return parts.join(QStringLiteral(" · "));
}

QVariant TemplateListModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const TemplateEntry& e = entries_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return TemplateText::label(e.draft);
    case Qt::CheckStateRole: return e.chosen ? Qt::Checked : Qt::Unchecked;
    case UidRole: return e.uid;
    case IdRole: return e.saved ? e.saved->id : qint64(0);
    case PromptCountRole: return promptCount(e.draft);
    case DirtyRole: return e.dirty();
    case BuiltinRole: return e.draft.builtin;
    case ExampleRole: return e.draft.example;
    case SubtitleRole: return subtitle(e);
    default: return {};
  }
}

bool TemplateListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid)) return false;
  const bool chosen = value.toInt() == Qt::Checked;
  TemplateEntry& e = entries_[index.row()];
  if (e.chosen == chosen) return false;
  e.chosen = chosen;
  changed(index.row());
  Q_EMIT chosenChanged();
  return true;
}

Qt::ItemFlags TemplateListModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> TemplateListModel::roleNames() const {
  QHash<int, QByteArray> names = QAbstractListModel::roleNames();
  names.insert(UidRole, "uid");
  names.insert(IdRole, "id");
  names.insert(PromptCountRole, "prompts");
  names.insert(DirtyRole, "dirty");
  names.insert(BuiltinRole, "builtin");
  names.insert(ExampleRole, "example");
  names.insert(SubtitleRole, "subtitle");
  return names;
}

}  // namespace rashisa::ui
