#include "ui/pages/generate_page.h"

#include "ui/window/app_controller.h"

namespace rashisa::ui {

GeneratePage::GeneratePage(AppController& controller, QWidget* parent) : Page(controller, tr("Make catalogue images"), parent) {}

}  // namespace rashisa::ui
