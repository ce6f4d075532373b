// Reading template CSV without throwing: quoting faults, bad rows, cells that are not numbers
// and unknown columns are collected with their line, then each row's content is checked.
#include "engine/templates/template_problems.h"
#include "engine/templates/template_text_p.h"

#include <locale>
#include <set>
#include <sstream>

namespace rashisa::templates {
namespace {

const char* const kFixedColumns[] = {"id",    "label_en", "label_ja", "prompt",  "negative_prompt",  "width",
                                     "height", "steps",   "guidance", "sampler", "images_per_prompt"};
constexpr std::size_t kFixedCount = sizeof(kFixedColumns) / sizeof(kFixedColumns[0]);

struct CsvRow {
  std::vector<std::string> fields;
  int line = 0;      // 1-based line the record starts on
  bool broken = false;  // a quoting fault: the fields cannot be trusted
};

TemplateProblem csv_problem(const char* code, int line, std::string subject, const std::string& text,
                            const char* field = "file") {
  return {"", line, field, code, std::move(subject), "CSV line " + std::to_string(line) + ": " + text};
}

/// RFC 4180 records. A quoting fault is reported and its record marked broken; reading goes on
/// with the next record.
std::vector<CsvRow> parse_csv(const std::string& text, std::vector<TemplateProblem>& problems) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool quoted = false, after_quote = false, any = false;
  const auto fault = [&](const std::string& what) {
    if (!row.broken) problems.push_back(csv_problem("bad-csv", line, "", what));
    row.broken = true;
  };
  const auto end_record = [&] {
    if (any || !field.empty() || after_quote) {
      row.fields.push_back(std::move(field));
      rows.push_back(std::move(row));
    }
    row = CsvRow{};
    field.clear();
    after_quote = any = false;
  };
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < n && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
    } else if (c == ',') {
      row.fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      end_record();
      row.line = ++line;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else {
      if (c == '"') fault("a '\"' inside an unquoted field: quote the whole field and double the quotes in it");
      else if (after_quote) fault("text after a closing quote: quote the whole field");
      field.push_back(c);
    }
  }
  if (quoted) fault("a quoted field is not closed: add the closing '\"'");
  end_record();
  return rows;
}

/// The columns of one variable: var.V, var.V.en, var.V.ja, var.V.label_en, var.V.label_ja.
struct VarColumns {
  std::string name;
  long values = -1, en = -1, ja = -1, label_en = -1, label_ja = -1;
};

/// Reads the header; false when the file cannot be read as a template CSV at all.
bool read_header(const CsvRow& header, std::vector<VarColumns>& vars, std::vector<TemplateProblem>& problems) {
  const auto& h = header.fields;
  for (std::size_t i = 0; i < kFixedCount; ++i)
    if (header.broken || i >= h.size() || h[i] != kFixedColumns[i]) {
      problems.push_back(csv_problem("wrong-format", header.line, "",
                                     "the CSV header must start with id,label_en,label_ja,prompt,negative_prompt,"
                                     "width,height,steps,guidance,sampler,images_per_prompt"));
      return false;
    }
  std::set<std::string> seen;
  for (std::size_t c = kFixedCount; c < h.size(); ++c) {
    if (!seen.insert(h[c]).second) {
      problems.push_back(csv_problem("bad-csv", header.line, h[c], "the header names the column '" + h[c] + "' twice"));
      continue;
    }
    const auto dot = h[c].find('.', 4);
    const std::string name = h[c].compare(0, 4, "var.") == 0 ? h[c].substr(4, dot - 4) : std::string();
    const std::string suffix = dot == std::string::npos ? "" : h[c].substr(dot + 1);
    long VarColumns::*slot = suffix.empty() ? &VarColumns::values
                             : suffix == "en" ? &VarColumns::en
                             : suffix == "ja" ? &VarColumns::ja
                             : suffix == "label_en" ? &VarColumns::label_en
                             : suffix == "label_ja" ? &VarColumns::label_ja
                                                    : nullptr;
    if (name.empty() || slot == nullptr) {
      problems.push_back(csv_problem("unknown-key", header.line, h[c],
                                     "the column '" + h[c] + "' is unknown: variable columns are var.NAME, "
                                     "var.NAME.en, var.NAME.ja, var.NAME.label_en and var.NAME.label_ja"));
      continue;
    }
    VarColumns* v = nullptr;
    for (auto& x : vars)
      if (x.name == name) v = &x;
    if (!v) v = &vars.emplace_back(VarColumns{name});
    v->*slot = static_cast<long>(c);
  }
  for (const auto& v : vars)
    if (v.values < 0)
      problems.push_back(csv_problem("bad-csv", header.line, "var." + v.name,
                                     "there are label columns for '" + v.name + "' but no column 'var." + v.name + "'"));
  return true;
}

/// Reads one data row into a template, recording its structural problems.
class RowReader {
 public:
  RowReader(const CsvRow& row, detail::ReadTemplate& r) : row_(row), r_(r) {}

  void wrong(const char* field, const std::string& cell, const std::string& what) {
    r_.structural.push_back({"", row_.line, field, "wrong-type", field, std::string(field) + ": '" + cell + "' " + what});
  }

  void integer(std::size_t col, const char* field, int& into) {
    const std::string& s = row_.fields[col];
    if (s.empty()) return;
    std::size_t used = 0;
    int v = 0;
    try {
      v = std::stoi(s, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != s.size()) return wrong(field, s, "is not a whole number");
    into = v;
  }

  void real(std::size_t col, const char* field, double& into) {
    const std::string& s = row_.fields[col];
    if (s.empty()) return;
    std::istringstream in(s);
    in.imbue(std::locale::classic());
    double v = 0;
    in >> v;
    if (in.fail() || !in.eof()) return wrong(field, s, "is not a number (use '.' as the decimal point)");
    into = v;
  }

  /// A '|' list ("\|" a literal '|', "\\" a backslash); a bad escape is reported and kept as is.
  std::vector<std::string> list(const std::string& s, const std::string& var, const std::string& column) {
    std::vector<std::string> out(1);
    bool reported = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == '|' || s[i + 1] == '\\')) {
        out.back() += s[++i];
      } else if (s[i] == '\\') {
        if (!reported)
          r_.structural.push_back({"", row_.line, "values", "bad-escape", var,
                                   column + ": a '\\' must be followed by '|' or '\\' (write \\\\ for a backslash)"});
        reported = true;
        out.back() += s[i];
      } else if (s[i] == '|') {
        out.emplace_back();
      } else {
        out.back() += s[i];
      }
    }
    return out;
  }

  void variable(const VarColumns& vc);

 private:
  const CsvRow& row_;
  detail::ReadTemplate& r_;
};

void RowReader::variable(const VarColumns& vc) {
  const auto& f = row_.fields;
  if (f[vc.values].empty()) return;
  TemplateVariable v;
  v.name = vc.name;
  if (vc.label_en >= 0) v.label_en = f[vc.label_en];
  if (vc.label_ja >= 0) v.label_ja = f[vc.label_ja];
  for (auto& value : list(f[vc.values], vc.name, "var." + vc.name)) v.values.push_back({std::move(value), {}, {}});
  const auto labels = [&](long col, const char* lang, std::string TemplateValue::*member) {
    if (col < 0 || f[col].empty()) return;
    const std::string column = "var." + vc.name + "." + lang;
    const auto items = list(f[col], vc.name, column);
    if (items.size() != v.values.size()) {
      r_.structural.push_back({"", row_.line, "values", "label-count", vc.name,
                               column + ": " + std::to_string(items.size()) + " labels for " +
                                   std::to_string(v.values.size()) + " values: give one label per value, joined with '|'"});
      return;
    }
    for (std::size_t k = 0; k < items.size(); ++k) v.values[k].*member = items[k];
  };
  labels(vc.en, "en", &TemplateValue::label_en);
  labels(vc.ja, "ja", &TemplateValue::label_ja);
  r_.t.variables.push_back(std::move(v));
}

detail::ReadTemplate read_row(const CsvRow& row, const std::vector<VarColumns>& vars) {
  detail::ReadTemplate r;
  r.line = row.line;
  const auto& f = row.fields;
  r.t.id = f[0];
  r.t.label_en = f[1];
  r.t.label_ja = f[2];
  r.t.prompt = f[3];
  r.t.negative_prompt = f[4];
  RowReader in(row, r);
  in.integer(5, "width", r.t.width);
  in.integer(6, "height", r.t.height);
  in.integer(7, "steps", r.t.steps);
  in.real(8, "guidance", r.t.guidance);
  if (!f[9].empty()) r.t.sampler = f[9];
  in.integer(10, "images_per_prompt", r.t.images_per_prompt);
  for (const auto& vc : vars)
    if (vc.values >= 0) in.variable(vc);
  return r;
}

}  // namespace

TemplateFileCheck check_templates_csv(const std::string& csv_text) {
  std::string text = csv_text;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::vector<TemplateProblem> file;
  std::size_t bad_at = 0;
  if (!detail::valid_utf8(text, bad_at)) {
    int line = 1;
    for (std::size_t i = 0; i < bad_at; ++i) line += text[i] == '\n';
    file.push_back(csv_problem("not-utf8", line, "",
                               "the file is not UTF-8 (byte " + std::to_string(bad_at + 1) +
                                   "): save it as \"CSV UTF-8\" (in Excel: Save As > CSV UTF-8)"));
    return detail::problems_only(std::move(file));
  }
  const auto rows = parse_csv(text, file);
  if (rows.empty()) {
    file.push_back(csv_problem("wrong-format", 1, "", "the file is empty: it needs a header row"));
    return detail::problems_only(std::move(file));
  }
  std::vector<VarColumns> vars;
  if (!read_header(rows[0], vars, file)) return detail::problems_only(std::move(file));
  const std::size_t columns = rows[0].fields.size();
  std::vector<detail::ReadTemplate> read;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].broken) continue;  // already reported
    if (rows[r].fields.size() != columns) {
      TemplateProblem p = csv_problem("bad-csv", rows[r].line, "",
                                      std::to_string(rows[r].fields.size()) + " fields, but the header has " +
                                          std::to_string(columns) + " (quote fields that contain commas)");
      p.template_id = rows[r].fields[0];
      file.push_back(std::move(p));
      continue;
    }
    read.push_back(read_row(rows[r], vars));
  }
  return detail::finish_file_check(std::move(file), std::move(read), true);
}

}  // namespace rashisa::templates
