#include "ui/widgets/drop_support.h"

#include <QMimeData>
#include <QUrl>

namespace rashisa::ui {

QStringList localPaths(const QMimeData* mime) {
  QStringList out;
  if (!mime || !mime->hasUrls()) return out;
  for (const QUrl& url : mime->urls())
    if (url.isLocalFile()) out.push_back(url.toLocalFile());
  return out;
}

}  // namespace rashisa::ui
