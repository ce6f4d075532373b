#pragma once
// The Review the images page (issue 12). Built by its owner; see ../shared/GUI.md.
#include "ui/pages/page.h"

namespace rashisa::ui {

class ReviewPage : public Page {
  Q_OBJECT

 public:
  explicit ReviewPage(AppController& controller, QWidget* parent = nullptr);
};

}  // namespace rashisa::ui
