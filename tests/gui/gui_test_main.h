#pragma once
// main() for the GUI tests: a QApplication with the window's English texts (the plural forms
// come from the embedded translations/rashisa_en.ts, as in the program).
#include "tests/gui/translations.h"

#include <QApplication>
#include <QTest>

#define RASHISA_GUI_TEST_MAIN(TestClass)                                   \
  int main(int argc, char** argv) {                                        \
    QApplication app(argc, argv);                                          \
    app.setAttribute(Qt::AA_Use96Dpi, true);                               \
    rashisa::testing::LanguageScope english(QStringLiteral("en"));         \
    TestClass test;                                                        \
    QTEST_SET_MAIN_SOURCE_PATH                                             \
    return QTest::qExec(&test, argc, argv);                                \
  }
