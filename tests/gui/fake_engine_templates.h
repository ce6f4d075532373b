#pragma once
// Projects and files for the Templates page's tests and states, on top of the fake engine.
#include "tests/gui/fake_engine.h"

namespace rashisa::testing {

/// Photos, the built-in catalogue and, with `trained`, a trained product; with `examples` every
/// template has its example image.
FakeProject templatesProject(const QString& path, const QString& modelPath, bool trained, bool examples);

/// Writes a template file the fake engine imports: {"templates": [{id, label_en, label_ja, prompt}]}.
void writeTemplateFile(const QString& path, const QList<TemplateItem>& templates);

/// A template with `values` values in each of two variables ({a} and {b}), `images` per prompt.
TemplateItem gridTemplate(const QString& key, int values, int images);

}  // namespace rashisa::testing
