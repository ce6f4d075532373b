#include "tests/gui/real_window.h"

#include "ui/jobs/workflow_engine.h"
#include "ui/models/template_list_model.h"
#include "ui/pages/template_editor.h"
#include "ui/pages/templates_page.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QThread>
#include <QUndoStack>

namespace rashisa::testing {

RealWindow::RealWindow(const QString& model) {
  settings = std::make_unique<ui::Settings>(dir.filePath(QStringLiteral("settings.ini")));
  if (!model.isEmpty()) settings->setDefaultModel(model);
  settings->setDevice(QStringLiteral("cpu"));
  dialogs.answer = true;  // train on the CPU: yes
  controller = std::make_unique<ui::AppController>(std::make_unique<ui::WorkflowEngine>(), *settings, dialogs);
  window = std::make_unique<ui::MainWindow>(*controller);
  window->resize(1280, 800);
  window->show();
}

bool RealWindow::waitIdle(int msecs) {
  QElapsedTimer t;
  t.start();
  for (;;) {
    while (controller->jobs().isBusy()) {
      if (t.elapsed() > msecs) return false;
      QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
      QThread::msleep(2);
    }
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    if (!controller->jobs().isBusy()) return true;
  }
}

void setTemplateSize(RealWindow& w, qint64 templateId, int px) {
  w.window->showPage(ui::PageId::Templates);
  ui::TemplatesPage* templates = w.window->templatesPage();
  int row = -1;
  for (int r = 0; r < templates->templateModel()->rowCount(); ++r) {
    const ui::TemplateEntry* e = templates->templateModel()->entry(templates->templateModel()->uidAt(r));
    if (e && e->saved && e->saved->id == templateId) row = r;
  }
  QVERIFY(row >= 0);
  templates->selectRow(row);
  templates->editor()->widthBox()->setValue(px);
  templates->editor()->heightBox()->setValue(px);
  QCOMPARE(templates->currentStack()->count(), 2);
  QVERIFY(templates->saveButton()->isEnabled());
  templates->saveButton()->click();
  QVERIFY(w.waitIdle(60000));
  for (const ui::TemplateItem& t : w.controller->project().templates)
    if (t.id == templateId) QCOMPARE(t.width, px);
}

}  // namespace rashisa::testing
