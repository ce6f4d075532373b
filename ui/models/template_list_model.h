#pragma once
// The templates on the Templates page: each as stored in the project and as being edited (its
// draft), and whether the Generate page uses it (the check box). Rows keep a local id (uid)
// that stays while a template is saved, renamed or updated from the project.
#include "ui/jobs/catalogue_types.h"

#include <QAbstractListModel>
#include <QSet>

#include <optional>

namespace rashisa::ui {

struct TemplateEntry {
  int uid = 0;
  std::optional<TemplateItem> saved;  // as stored in the project; none for a new template
  TemplateItem draft;                 // as edited (the same as `saved` when nothing changed)
  bool chosen = true;
  bool dirty() const;
};

class TemplateListModel : public QAbstractListModel {
  Q_OBJECT

 public:
  enum Role {
    UidRole = Qt::UserRole + 1,
    IdRole,           // the project's id (0: not saved yet)
    PromptCountRole,  // qint64
    DirtyRole,        // bool: changes not saved
    BuiltinRole,      // bool
    ExampleRole,      // QImage (null: no example yet)
    SubtitleRole,     // "6 prompts · Built-in · Not saved"
  };

  explicit TemplateListModel(QObject* parent = nullptr);

  /// Starts over with a project's templates, the unsaved drafts kept for it and the ids the
  /// Generate page leaves out.
  void reset(const QList<TemplateItem>& stored, const QList<TemplateItem>& drafts, const QSet<qint64>& leftOut);
  /// The project changed: stored templates update their rows (a draft with changes keeps them),
  /// new ones are added (chosen), removed ones go unless they have unsaved changes.
  void merge(const QList<TemplateItem>& stored);
  /// A template the engine has just stored (the answer to a save): its row is clean again.
  void adoptSaved(const TemplateItem& item);

  /// A new, unsaved template; returns its uid.
  int add(const TemplateItem& draft);
  void remove(int uid);
  void setDraft(int uid, const TemplateItem& draft);
  /// Back to the stored version (a new template keeps its draft: it has nothing to go back to).
  void discard(int uid);

  const TemplateEntry* entry(int uid) const;
  int rowOf(int uid) const;
  int uidAt(int row) const;
  const QList<TemplateEntry>& entries() const { return entries_; }
  /// Drafts with unsaved changes, to keep until they are saved.
  QList<TemplateItem> unsavedDrafts() const;
  /// Stored templates the Generate page does not use.
  QSet<qint64> leftOut() const;
  /// The chosen templates as edited now.
  QList<TemplateItem> chosenDrafts() const;
  QStringList keys(int exceptUid = 0) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QHash<int, QByteArray> roleNames() const override;

 Q_SIGNALS:
  void draftChanged(int uid);
  void chosenChanged();

 private:
  void changed(int row);
  TemplateEntry* find(int uid);
  QString subtitle(const TemplateEntry& e) const;

  QList<TemplateEntry> entries_;
  int nextUid_ = 1;
};

}  // namespace rashisa::ui
