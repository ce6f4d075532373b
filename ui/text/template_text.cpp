#include "ui/text/template_text.h"

#include <QLocale>

namespace rashisa::ui {

bool TemplateText::japanese() { return QLocale().language() == QLocale::Japanese; }

namespace {

QString pick(const QString& ja, const QString& en, const QString& fallback) {
  if (TemplateText::japanese() && !ja.trimmed().isEmpty()) return ja;
  if (!en.trimmed().isEmpty()) return en;
  if (!ja.trimmed().isEmpty()) return ja;
  return fallback;
}

}  // namespace

QString TemplateText::label(const TemplateItem& t) { return pick(t.labelJa, t.labelEn, t.key); }
QString TemplateText::label(const TemplateVariable& v) { return pick(v.labelJa, v.labelEn, v.name); }
QString TemplateText::label(const TemplateValue& v) { return pick(v.labelJa, v.labelEn, v.value); }

QList<SamplerName> TemplateText::samplers() {
  return {{QStringLiteral("dpmpp-2m"), tr("DPM++ 2M (recommended)")},
          {QStringLiteral("dpmpp-2m-karras"), tr("DPM++ 2M Karras (smoother detail)")},
          {QStringLiteral("euler"), tr("Euler (quick drafts)")},
          {QStringLiteral("ddim"), tr("DDIM (classic)")},
          {QStringLiteral("pndm"), tr("PNDM (classic)")}};
}

QString TemplateText::samplerName(const QString& id) {
  for (const SamplerName& s : samplers())
    if (s.id == id) return s.name;
  return id;
}

bool TemplateText::knownCode(const QString& code) {
  static const QStringList known = {
      QStringLiteral("empty-id"),          QStringLiteral("bad-id"),           QStringLiteral("duplicate-id"),
      QStringLiteral("key-in-use"),        QStringLiteral("empty-label"),      QStringLiteral("empty-prompt"),
      QStringLiteral("missing-product"),   QStringLiteral("unbalanced-braces"), QStringLiteral("bad-placeholder"),
      QStringLiteral("unknown-placeholder"), QStringLiteral("unused-variable"), QStringLiteral("duplicate-variable"),
      QStringLiteral("empty-variable"),    QStringLiteral("duplicate-value"),  QStringLiteral("empty-value"),
      QStringLiteral("bad-size"),          QStringLiteral("bad-steps"),        QStringLiteral("bad-guidance"),
      QStringLiteral("bad-images"),        QStringLiteral("unknown-sampler"),  QStringLiteral("over-cap"),
      QStringLiteral("not-utf8"),          QStringLiteral("bad-json"),         QStringLiteral("bad-csv"),
      QStringLiteral("wrong-format"),      QStringLiteral("unknown-key"),      QStringLiteral("wrong-type"),
      QStringLiteral("too-large")};
  return known.contains(code);
}

QString TemplateText::problem(const TemplateProblem& p) {
  const QString& c = p.code;
  const QString s = p.subject;
  if (c == QLatin1String("empty-id")) return tr("Give the template an ID: lower-case letters a–z, digits, - and _.");
  if (c == QLatin1String("bad-id"))
    return tr("The ID may only use lower-case letters a–z, digits, - and _ (no spaces).");
  if (c == QLatin1String("duplicate-id"))
    return tr("Two templates have the ID \"%1\". Give each template its own ID.").arg(s.isEmpty() ? p.templateKey : s);
  if (c == QLatin1String("key-in-use"))
    return tr("The project already has a template with the ID \"%1\". Choose another ID.")
        .arg(s.isEmpty() ? p.templateKey : s);
  if (c == QLatin1String("empty-label")) return tr("Give the template a name, in Japanese or in English.");
  if (c == QLatin1String("empty-prompt")) return tr("Write the prompt.");
  if (c == QLatin1String("missing-product"))
    return tr("The prompt needs {product} where the product goes. Use \"Insert {product}\".");
  if (c == QLatin1String("unbalanced-braces"))
    return tr("A { or } has no partner. Write placeholders as {name}; for a brace itself, write {{ or }}.");
  if (c == QLatin1String("bad-placeholder"))
    return tr("\"%1\" cannot be a placeholder. Use letters, digits and _ only, starting with a letter.").arg(s);
  if (c == QLatin1String("unknown-placeholder"))
    return tr("The prompt uses {%1}, but there is no variable with that name. Add the variable or fix the "
              "spelling.")
        .arg(s);
  if (c == QLatin1String("unused-variable"))
    return tr("The variable \"%1\" is not used. Put {%1} in the prompt, or remove the variable.").arg(s);
  if (c == QLatin1String("duplicate-variable"))
    return tr("There are two variables named \"%1\". Rename or remove one of them.").arg(s);
  if (c == QLatin1String("empty-variable"))
    return tr("The variable \"%1\" has no values. Add at least one value, or remove the variable.").arg(s);
  if (c == QLatin1String("duplicate-value"))
    return tr("The value \"%1\" is in the list twice. Remove one of them.").arg(s);
  if (c == QLatin1String("empty-value")) return tr("A value is empty. Fill it in, or remove it.");
  if (c == QLatin1String("bad-size")) return tr("Width and height must be multiples of 8, from 64 to 2048.");
  if (c == QLatin1String("bad-steps")) return tr("Steps must be from 1 to 1000.");
  if (c == QLatin1String("bad-guidance")) return tr("Guidance must be from 0 to 50.");
  if (c == QLatin1String("bad-images")) return tr("Images per prompt must be from 1 to 64.");
  if (c == QLatin1String("unknown-sampler"))
    return tr("The sampler \"%1\" is not known. Choose one from the list.").arg(s);
  if (c == QLatin1String("over-cap"))
    return tr("This template makes more than 1,000 prompts. Use fewer values.");
  if (c == QLatin1String("not-utf8")) return tr("The file is not UTF-8 text. Save it as UTF-8 and import it again.");
  if (c == QLatin1String("bad-json"))
    return tr("The file is not valid JSON. Check it near the place \"Copy details\" names.");
  if (c == QLatin1String("bad-csv"))
    return tr("This CSV line cannot be read. Check its quotes and that it has as many columns as the header.");
  if (c == QLatin1String("wrong-format")) return tr("This is not a Rashisa template file. Export one to see the format.");
  if (c == QLatin1String("unknown-key"))
    return tr("\"%1\" is not a known setting. Check its spelling, or remove it.").arg(s);
  if (c == QLatin1String("wrong-type"))
    return tr("\"%1\" has the wrong kind of value, for example text where a number belongs.").arg(s);
  if (c == QLatin1String("too-large")) return tr("The file is too large (over 16 MB). Split it into smaller files.");
  return tr("This part cannot be used as it is. \"Copy details\" shows the exact reason.");
}

QString TemplateText::part(const QString& field) {
  const QString f = field.trimmed().toLower();
  if (f == QLatin1String("id") || f == QLatin1String("key")) return QStringLiteral("key");
  if (f.startsWith(QLatin1String("label"))) return QStringLiteral("labels");
  if (f == QLatin1String("prompt")) return QStringLiteral("prompt");
  if (f.startsWith(QLatin1String("negative"))) return QStringLiteral("negative");
  if (f.startsWith(QLatin1String("variable")) || f.startsWith(QLatin1String("var.")) ||
      f.startsWith(QLatin1String("value")))
    return QStringLiteral("variables");
  if (f == QLatin1String("width") || f == QLatin1String("height") || f == QLatin1String("size"))
    return QStringLiteral("size");
  if (f == QLatin1String("steps")) return QStringLiteral("steps");
  if (f == QLatin1String("guidance")) return QStringLiteral("guidance");
  if (f == QLatin1String("sampler")) return QStringLiteral("sampler");
  if (f.startsWith(QLatin1String("images"))) return QStringLiteral("images");
  return {};
}

QString TemplateText::fieldName(const QString& field) {
  const QString part = TemplateText::part(field);
  if (part == QLatin1String("key")) return tr("ID");
  if (part == QLatin1String("labels")) return tr("Name");
  if (part == QLatin1String("prompt")) return tr("Prompt");
  if (part == QLatin1String("negative")) return tr("Negative prompt");
  if (part == QLatin1String("variables")) return tr("Variables");
  if (part == QLatin1String("size")) return tr("Size");
  if (part == QLatin1String("steps")) return tr("Steps");
  if (part == QLatin1String("guidance")) return tr("Guidance");
  if (part == QLatin1String("sampler")) return tr("Sampler");
  if (part == QLatin1String("images")) return tr("Images per prompt");
  return field.isEmpty() ? tr("Whole file") : field;
}

QString TemplateText::where(const TemplateProblem& p) {
  if (p.line > 0) return tr("Line %1").arg(p.line);
  if (!p.templateKey.isEmpty()) return tr("Template \"%1\"").arg(p.templateKey);
  return tr("The file");
}

QString TemplateText::details(const QList<TemplateProblem>& problems) {
  QStringList lines;
  for (const TemplateProblem& p : problems)
    lines << QStringLiteral("template: %1; line: %2; field: %3; code: %4; subject: %5; %6")
                 .arg(p.templateKey)
                 .arg(p.line)
                 .arg(p.field, p.code, p.subject, p.detail);
  return lines.join(QLatin1Char('\n'));
}

}  // namespace rashisa::ui
