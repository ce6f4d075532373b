#pragma once
// The Export page (issue 12). Built by its owner; see ../shared/GUI.md.
#include "ui/pages/page.h"

namespace rashisa::ui {

class ExportPage : public Page {
  Q_OBJECT

 public:
  explicit ExportPage(AppController& controller, QWidget* parent = nullptr);
};

}  // namespace rashisa::ui
