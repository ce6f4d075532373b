#pragma once
// Projects and data for the Generate and Review pages' tests and page states.
#include "tests/gui/fake_engine.h"

namespace rashisa::testing {

/// catalogueProject() (9 images, reviewed in part) and a second batch of every template with
/// `seeds` seeds per prompt (first seed 100) that stopped after `done` images, as a stop, a
/// closed window, a crash or a power cut leaves one.
FakeProject interruptedBatchProject(const QString& path, const QString& modelPath, int done, int seeds = 1);
/// The request that makes every template of `project` for its first product.
BatchRequest everyTemplate(const FakeProject& project, int seeds = 1);
/// What the catalogue's page states show that is data, not Rashisa's text: the templates'
/// names, variables and values, the prompts, the reviewers.
QStringList catalogueStateData();

}  // namespace rashisa::testing
