#pragma once
// The Prompt templates page (issue 12). Built by its owner; see ../shared/GUI.md.
#include "ui/pages/page.h"

namespace rashisa::ui {

class TemplatesPage : public Page {
  Q_OBJECT

 public:
  explicit TemplatesPage(AppController& controller, QWidget* parent = nullptr);
};

}  // namespace rashisa::ui
