// WorkflowEngine: templates, batches, images, review and export over engine/workflow.
#include "engine/core/error.h"
#include "engine/store/project.h"
#include "engine/templates/template_io.h"
#include "engine/templates/template_problems.h"
#include "engine/workflow/batch_run.h"
#include "engine/workflow/model_session.h"
#include "engine/workflow/project_templates.h"
#include "engine/workflow/template_examples.h"
#include "ui/jobs/template_convert_p.h"
#include "ui/jobs/workflow_engine.h"

#include <QSaveFile>


namespace rashisa::ui {

using namespace convert;

namespace {

TemplateProblem problemOf(const templates::TemplateProblem& p) {
  return {text(p.template_id), p.line, text(p.field), text(p.code), text(p.subject), text(p.message)};
}

}  // namespace

// ---- templates --------------------------------------------------------------------------

TemplateItem WorkflowEngine::saveTemplate(const TemplateItem& item) {
  store::Project& pr = project();
  const templates::PromptTemplate t = toEngine(item);
  const store::TemplateSpec spec = workflow::to_spec(t);  // validates
  TemplateItem saved = item;
  if (item.id > 0) {
    pr.update_template(item.id, spec);
  } else {
    for (const auto& existing : workflow::project_templates(pr))
      if (existing.id == t.id)
        throw Error(ErrorCode::InvalidArgument,
                    "there is already a template with the id \"" + t.id + "\"; choose another id");
    saved.id = workflow::add_templates(pr, {t}).at(0);
  }
  return saved;
}

void WorkflowEngine::removeTemplate(qint64 id) { project().remove_template(id); }

TemplatePreview WorkflowEngine::previewTemplate(const TemplateItem& item, qint64 productId) {
  store::Project& pr = project();
  const templates::PromptTemplate t = toEngine(item);
  TemplatePreview preview;
  for (const auto& p : templates::check_template(t)) preview.problems.push_back(problemOf(p));
  if (!preview.problems.isEmpty()) return preview;
  std::string token = "<rashisa>", category = "product";
  if (productId > 0) {
    const store::Concept c = pr.get_concept(productId);
    token = c.spec.token;
    category = c.spec.category;
  }
  preview.prompts = static_cast<qint64>(templates::count_expansions(t));
  if (preview.prompts > static_cast<qint64>(templates::kDefaultExpansionCap)) {
    preview.problems.push_back({item.key, 0, QStringLiteral("variables"), QStringLiteral("over-cap"), {},
                                QStringLiteral("%1 prompts is more than %2").arg(preview.prompts).arg(templates::kDefaultExpansionCap)});
    return preview;
  }
  const auto expanded = templates::expand(t, token, category);
  for (std::size_t i = 0; i < expanded.size() && i < 3; ++i) preview.examples.push_back(text(expanded[i].prompt));
  if (!expanded.empty()) preview.negativeExample = text(expanded.front().negative_prompt);
  return preview;
}

TemplateImport WorkflowEngine::importTemplates(const QString& path) {
  const auto result = workflow::import_templates_checked(project(), path.toStdString());
  TemplateImport out;
  for (const auto& p : result.problems) out.problems.push_back(problemOf(p));
  if (!out.problems.isEmpty()) return out;
  for (std::size_t i = 0; i < result.templates.size(); ++i) {
    TemplateItem t = fromEngine(result.templates[i]);
    t.id = i < result.ids.size() ? result.ids[i] : 0;
    out.imported.push_back(t);
  }
  return out;
}

void WorkflowEngine::exportTemplates(const QString& path, const QList<qint64>& ids) {
  store::Project& pr = project();
  std::vector<templates::PromptTemplate> list;
  for (const auto& stored : pr.list_templates())
    if (ids.isEmpty() || ids.contains(stored.id)) list.push_back(workflow::from_stored(stored));
  const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
  if (!csv && !path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
    throw Error(ErrorCode::InvalidArgument, "template files end in .json or .csv");
  const std::string data = csv ? templates::templates_to_csv(list) : templates::templates_to_json(list);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(data.data(), static_cast<qint64>(data.size())) < 0 || !file.commit())
    throw Error(ErrorCode::FileWrite, "could not write " + path.toStdString() + ": " + file.errorString().toStdString());
}

void WorkflowEngine::makeTemplateExamples(qint64 productId, JobContext& context) {
  workflow::ModelSession& s = session(context);
  workflow::make_template_examples(
      project(), productId, s,
      [&context](const workflow::BatchProgress& p) {
        JobProgress out = progress(p.step);
        out.item = p.image;
        out.items = p.images;
        context.report(out);
        return context.proceed();
      },
      context.cancelToken());
}
}  // namespace rashisa::ui
