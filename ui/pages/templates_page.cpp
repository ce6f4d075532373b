#include "ui/pages/templates_page.h"

#include "ui/window/app_controller.h"

namespace rashisa::ui {

TemplatesPage::TemplatesPage(AppController& controller, QWidget* parent) : Page(controller, tr("Prompt templates"), parent) {}

}  // namespace rashisa::ui
