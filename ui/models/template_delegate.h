#pragma once
// Paints a template row: the check box (which templates the Generate page uses), the example
// image (or a neutral placeholder drawing until one is made), the name and a line with the
// prompt count and whether it is built in or not saved.
#include <QStyledItemDelegate>

namespace rashisa::ui {

class TemplateDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  explicit TemplateDelegate(QObject* parent = nullptr);

  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  /// A neutral picture (a frame with hills and a sun) for a template without an example.
  static void paintPlaceholder(QPainter* painter, const QRectF& rect, const QPalette& palette);
  static constexpr int kThumb = 48;
};

}  // namespace rashisa::ui
