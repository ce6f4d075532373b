#include "ui/text/categories.h"

namespace rashisa::ui {

namespace {

struct Entry {
  const char* label;
  const char* word;
};

// Grouped roughly by what small manufacturers make: tableware, bags and fashion, home,
// toys, food, stationery, electronics.
constexpr Entry kEntries[] = {
    {QT_TRANSLATE_NOOP("Categories", "Mug"), "mug"},
    {QT_TRANSLATE_NOOP("Categories", "Cup"), "cup"},
    {QT_TRANSLATE_NOOP("Categories", "Bowl"), "bowl"},
    {QT_TRANSLATE_NOOP("Categories", "Plate"), "plate"},
    {QT_TRANSLATE_NOOP("Categories", "Teapot"), "teapot"},
    {QT_TRANSLATE_NOOP("Categories", "Bottle"), "bottle"},
    {QT_TRANSLATE_NOOP("Categories", "Jar"), "jar"},
    {QT_TRANSLATE_NOOP("Categories", "Can"), "can"},
    {QT_TRANSLATE_NOOP("Categories", "Box"), "box"},
    {QT_TRANSLATE_NOOP("Categories", "Knife"), "knife"},
    {QT_TRANSLATE_NOOP("Categories", "Bag"), "bag"},
    {QT_TRANSLATE_NOOP("Categories", "Backpack"), "backpack"},
    {QT_TRANSLATE_NOOP("Categories", "Wallet"), "wallet"},
    {QT_TRANSLATE_NOOP("Categories", "Shoe"), "shoe"},
    {QT_TRANSLATE_NOOP("Categories", "Hat"), "hat"},
    {QT_TRANSLATE_NOOP("Categories", "Jacket"), "jacket"},
    {QT_TRANSLATE_NOOP("Categories", "Shirt"), "shirt"},
    {QT_TRANSLATE_NOOP("Categories", "Dress"), "dress"},
    {QT_TRANSLATE_NOOP("Categories", "Towel"), "towel"},
    {QT_TRANSLATE_NOOP("Categories", "Wristwatch"), "watch"},
    {QT_TRANSLATE_NOOP("Categories", "Ring"), "ring"},
    {QT_TRANSLATE_NOOP("Categories", "Necklace"), "necklace"},
    {QT_TRANSLATE_NOOP("Categories", "Bracelet"), "bracelet"},
    {QT_TRANSLATE_NOOP("Categories", "Glasses"), "glasses"},
    {QT_TRANSLATE_NOOP("Categories", "Umbrella"), "umbrella"},
    {QT_TRANSLATE_NOOP("Categories", "Chair"), "chair"},
    {QT_TRANSLATE_NOOP("Categories", "Table"), "table"},
    {QT_TRANSLATE_NOOP("Categories", "Sofa"), "sofa"},
    {QT_TRANSLATE_NOOP("Categories", "Pillow"), "pillow"},
    {QT_TRANSLATE_NOOP("Categories", "Lamp"), "lamp"},
    {QT_TRANSLATE_NOOP("Categories", "Clock"), "clock"},
    {QT_TRANSLATE_NOOP("Categories", "Vase"), "vase"},
    {QT_TRANSLATE_NOOP("Categories", "Candle"), "candle"},
    {QT_TRANSLATE_NOOP("Categories", "Plant"), "plant"},
    {QT_TRANSLATE_NOOP("Categories", "Soap"), "soap"},
    {QT_TRANSLATE_NOOP("Categories", "Perfume"), "perfume"},
    {QT_TRANSLATE_NOOP("Categories", "Toy"), "toy"},
    {QT_TRANSLATE_NOOP("Categories", "Doll"), "doll"},
    {QT_TRANSLATE_NOOP("Categories", "Cake"), "cake"},
    {QT_TRANSLATE_NOOP("Categories", "Bread"), "bread"},
    {QT_TRANSLATE_NOOP("Categories", "Cookie"), "cookie"},
    {QT_TRANSLATE_NOOP("Categories", "Pen"), "pen"},
    {QT_TRANSLATE_NOOP("Categories", "Notebook"), "notebook"},
    {QT_TRANSLATE_NOOP("Categories", "Camera"), "camera"},
    {QT_TRANSLATE_NOOP("Categories", "Speaker"), "speaker"},
    {QT_TRANSLATE_NOOP("Categories", "Headphones"), "headphones"},
};

}  // namespace

QList<Category> Categories::all() {
  QList<Category> out;
  for (const Entry& e : kEntries)
    out.push_back({QCoreApplication::translate("Categories", e.label), QString::fromLatin1(e.word)});
  return out;
}

QString Categories::labelOf(const QString& word) {
  for (const Entry& e : kEntries)
    if (word == QLatin1String(e.word)) return QCoreApplication::translate("Categories", e.label);
  return {};
}

QString Categories::display(const QString& word) {
  const QString label = labelOf(word);
  if (label.isEmpty()) return word;
  return tr("%1 (%2)", "category label and the English word the model reads").arg(label, word);
}

QString Categories::normalize(const QString& typed) {
  const QString t = typed.trimmed();
  for (const Entry& e : kEntries) {
    const QString label = QCoreApplication::translate("Categories", e.label);
    if (t.compare(label, Qt::CaseInsensitive) == 0 || t == display(QString::fromLatin1(e.word)))
      return QString::fromLatin1(e.word);
  }
  return t.toLower();
}

}  // namespace rashisa::ui
