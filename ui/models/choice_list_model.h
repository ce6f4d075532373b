#pragma once
// A list of things to tick (the products and templates a batch is made of): label, an optional
// picture, a tooltip and a check box each. Check marks stay with their id across updates.
#include "ui/models/keyed_list_model.h"

#include <QPixmap>

namespace rashisa::ui {

struct Choice {
  qint64 id = 0;
  QString label;
  QString toolTip;
  QPixmap picture;
  bool checked = true;  // for a new row; a row that stays keeps its own mark
  qint64 key() const { return id; }
};

class ChoiceListModel : public KeyedListModel<Choice> {
  Q_OBJECT

 public:
  enum Role { IdRole = Qt::UserRole + 1 };

  explicit ChoiceListModel(QObject* parent = nullptr);

  void setChoices(const QList<Choice>& choices);
  QList<qint64> checkedIds() const;
  void setChecked(qint64 id, bool checked);
  void setAllChecked(bool checked);

  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 Q_SIGNALS:
  void checkedChanged();

 protected:
  void carryOver(Choice& fresh, const Choice& old) const override { fresh.checked = old.checked; }
};

}  // namespace rashisa::ui
