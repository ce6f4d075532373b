#pragma once
// Private to WorkflowEngine: templates between the window's TemplateItem and the engine's
// templates::PromptTemplate.
#include "engine/templates/prompt_template.h"
#include "ui/jobs/catalogue_types.h"
#include "ui/jobs/workflow_convert_p.h"

namespace rashisa::ui::convert {

inline templates::PromptTemplate toEngine(const TemplateItem& t) {
  templates::PromptTemplate e;
  e.id = t.key.toStdString();
  e.label_en = t.labelEn.toStdString();
  e.label_ja = t.labelJa.toStdString();
  e.prompt = t.prompt.toStdString();
  e.negative_prompt = t.negativePrompt.toStdString();
  for (const TemplateVariable& v : t.variables) {
    templates::TemplateVariable ev;
    ev.name = v.name.toStdString();
    ev.label_en = v.labelEn.toStdString();
    ev.label_ja = v.labelJa.toStdString();
    for (const TemplateValue& value : v.values)
      ev.values.push_back({value.value.toStdString(), value.labelEn.toStdString(), value.labelJa.toStdString()});
    e.variables.push_back(std::move(ev));
  }
  e.width = t.width;
  e.height = t.height;
  e.steps = t.steps;
  e.guidance = t.guidance;
  e.sampler = t.sampler.toStdString();
  e.images_per_prompt = t.imagesPerPrompt;
  return e;
}

inline TemplateItem fromEngine(const templates::PromptTemplate& e) {
  TemplateItem t;
  t.key = text(e.id);
  t.labelEn = text(e.label_en);
  t.labelJa = text(e.label_ja);
  t.prompt = text(e.prompt);
  t.negativePrompt = text(e.negative_prompt);
  for (const auto& ev : e.variables) {
    TemplateVariable v{text(ev.name), text(ev.label_en), text(ev.label_ja), {}};
    for (const auto& value : ev.values) v.values.push_back({text(value.value), text(value.label_en), text(value.label_ja)});
    t.variables.push_back(v);
  }
  t.width = e.width;
  t.height = e.height;
  t.steps = e.steps;
  t.guidance = e.guidance;
  t.sampler = text(e.sampler);
  t.imagesPerPrompt = e.images_per_prompt;
  return t;
}

}  // namespace rashisa::ui::convert
