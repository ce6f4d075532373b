#include "ui/pages/review_page.h"

#include "ui/window/app_controller.h"

namespace rashisa::ui {

ReviewPage::ReviewPage(AppController& controller, QWidget* parent) : Page(controller, tr("Review the images"), parent) {}

}  // namespace rashisa::ui
