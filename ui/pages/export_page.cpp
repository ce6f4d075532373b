#include "ui/pages/export_page.h"

#include "ui/window/app_controller.h"

namespace rashisa::ui {

ExportPage::ExportPage(AppController& controller, QWidget* parent) : Page(controller, tr("Export"), parent) {}

}  // namespace rashisa::ui
