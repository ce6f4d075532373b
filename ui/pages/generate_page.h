#pragma once
// The Make catalogue images page (issue 12). Built by its owner; see ../shared/GUI.md.
#include "ui/pages/page.h"

namespace rashisa::ui {

class GeneratePage : public Page {
  Q_OBJECT

 public:
  explicit GeneratePage(AppController& controller, QWidget* parent = nullptr);
};

}  // namespace rashisa::ui
