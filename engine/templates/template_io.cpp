#include "engine/templates/template_io.h"

#include "engine/core/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace rashisa::templates {
namespace {

using nlohmann::json;

[[noreturn]] void bad_file(const std::string& message) { throw Error(ErrorCode::FileFormat, message); }

// ---------------------------------------------------------------- JSON

std::string get_string(const json& obj, const char* key, const std::string& ctx, bool required) {
  const auto it = obj.find(key);
  if (it == obj.end()) {
    if (required) bad_file(ctx + ": the key \"" + key + "\" is missing");
    return {};
  }
  if (!it->is_string()) bad_file(ctx + ": \"" + key + "\" must be a string");
  return it->get<std::string>();
}

template <typename T>
T get_number(const json& obj, const char* key, const std::string& ctx, T fallback) {
  const auto it = obj.find(key);
  if (it == obj.end()) return fallback;
  if (!it->is_number()) bad_file(ctx + ": \"" + key + "\" must be a number");
  if constexpr (std::is_integral_v<T>) {
    if (!it->is_number_integer()) bad_file(ctx + ": \"" + key + "\" must be a whole number");
    const auto v = it->get<long long>();
    if (v < -1000000 || v > 1000000) bad_file(ctx + ": \"" + key + "\" is out of range");
    return static_cast<T>(v);
  } else {
    return it->get<T>();
  }
}

void check_keys(const json& obj, std::initializer_list<const char*> allowed, const std::string& ctx) {
  if (!obj.is_object()) bad_file(ctx + " must be a JSON object");
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || it.key() == a;
    if (!ok) bad_file(ctx + ": unknown key \"" + it.key() + "\"");
  }
}

void read_label(const json& obj, const std::string& ctx, std::string& en, std::string& ja) {
  const auto it = obj.find("label");
  if (it == obj.end()) return;
  check_keys(*it, {"en", "ja"}, ctx + ", label");
  en = get_string(*it, "en", ctx, false);
  ja = get_string(*it, "ja", ctx, false);
}

json write_label(const std::string& en, const std::string& ja) {
  json l = json::object();
  if (!en.empty()) l["en"] = en;
  if (!ja.empty()) l["ja"] = ja;
  return l;
}

PromptTemplate template_from(const json& j, std::size_t index) {
  std::string ctx = "template #" + std::to_string(index + 1);
  check_keys(j, {"id", "label", "prompt", "negative_prompt", "variables", "width", "height", "steps", "guidance",
                 "sampler", "images_per_prompt"},
             ctx);
  PromptTemplate t;
  t.id = get_string(j, "id", ctx, true);
  ctx = "template '" + t.id + "'";
  read_label(j, ctx, t.label_en, t.label_ja);
  t.prompt = get_string(j, "prompt", ctx, true);
  t.negative_prompt = get_string(j, "negative_prompt", ctx, false);
  t.width = get_number<int>(j, "width", ctx, t.width);
  t.height = get_number<int>(j, "height", ctx, t.height);
  t.steps = get_number<int>(j, "steps", ctx, t.steps);
  t.guidance = get_number<double>(j, "guidance", ctx, t.guidance);
  if (j.contains("sampler")) t.sampler = get_string(j, "sampler", ctx, true);
  t.images_per_prompt = get_number<int>(j, "images_per_prompt", ctx, t.images_per_prompt);
  if (const auto vars = j.find("variables"); vars != j.end()) {
    if (!vars->is_array()) bad_file(ctx + ": \"variables\" must be a list");
    for (const json& vj : *vars) {
      check_keys(vj, {"name", "label", "values"}, ctx + ", a variable");
      TemplateVariable v;
      v.name = get_string(vj, "name", ctx + ", a variable", true);
      const std::string vctx = ctx + ", variable '" + v.name + "'";
      read_label(vj, vctx, v.label_en, v.label_ja);
      const auto values = vj.find("values");
      if (values == vj.end() || !values->is_array()) bad_file(vctx + ": \"values\" must be a list");
      for (const json& x : *values) {
        TemplateValue value;
        if (x.is_string()) {
          value.value = x.get<std::string>();
        } else {
          check_keys(x, {"value", "label"}, vctx + ", a value");
          value.value = get_string(x, "value", vctx, true);
          read_label(x, vctx, value.label_en, value.label_ja);
        }
        v.values.push_back(std::move(value));
      }
      t.variables.push_back(std::move(v));
    }
  }
  return t;
}

json template_to(const PromptTemplate& t) {
  json j = json::object();
  j["id"] = t.id;
  j["label"] = write_label(t.label_en, t.label_ja);
  j["prompt"] = t.prompt;
  if (!t.negative_prompt.empty()) j["negative_prompt"] = t.negative_prompt;
  json vars = json::array();
  for (const TemplateVariable& v : t.variables) {
    json vj = json::object();
    vj["name"] = v.name;
    if (!v.label_en.empty() || !v.label_ja.empty()) vj["label"] = write_label(v.label_en, v.label_ja);
    json values = json::array();
    for (const TemplateValue& x : v.values) {
      if (x.label_en.empty() && x.label_ja.empty()) {
        values.push_back(x.value);
      } else {
        values.push_back({{"value", x.value}, {"label", write_label(x.label_en, x.label_ja)}});
      }
    }
    vj["values"] = std::move(values);
    vars.push_back(std::move(vj));
  }
  j["variables"] = std::move(vars);
  j["width"] = t.width;
  j["height"] = t.height;
  j["steps"] = t.steps;
  j["guidance"] = t.guidance;
  j["sampler"] = t.sampler;
  j["images_per_prompt"] = t.images_per_prompt;
  return j;
}

// ---------------------------------------------------------------- CSV

const char* const kFixedColumns[] = {"id",    "label_en", "label_ja", "prompt",  "negative_prompt",  "width",
                                     "height", "steps",   "guidance", "sampler", "images_per_prompt"};
constexpr std::size_t kFixedCount = sizeof(kFixedColumns) / sizeof(kFixedColumns[0]);

bool valid_utf8(const std::string& s, std::size_t& bad_at) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned c = p[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > n || (len == 2 && c < 0xC2)) {
      bad_at = i;
      return false;
    }
    for (std::size_t k = 1; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) {
        bad_at = i;
        return false;
      }
    i += len;
  }
  return true;
}

// RFC 4180 records; `line_of` gives the 1-based line each record starts on.
std::vector<std::vector<std::string>> parse_csv(const std::string& text, std::vector<std::size_t>& line_of) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t line = 1, row_line = 1;
  bool quoted = false, after_quote = false, any = false;
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      after_quote = false;
      any = true;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      if (any || !field.empty() || after_quote) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
        line_of.push_back(row_line);
      }
      row.clear();
      field.clear();
      after_quote = any = false;
      ++line;
      row_line = line;
    } else if (c == '"') {
      if (!field.empty() || after_quote)
        bad_file("CSV line " + std::to_string(line) + ": a '\"' inside an unquoted field: quote the whole field");
      quoted = true;
    } else {
      if (after_quote)
        bad_file("CSV line " + std::to_string(line) + ": text after a closing quote: quote the whole field");
      field.push_back(c);
    }
  }
  if (quoted) bad_file("CSV line " + std::to_string(row_line) + ": a quoted field is not closed");
  if (any || !field.empty() || after_quote) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
    line_of.push_back(row_line);
  }
  return rows;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += '|';
    for (char c : items[i]) {
      if (c == '|' || c == '\\') out += '\\';
      out += c;
    }
  }
  return out;
}

std::vector<std::string> split_list(const std::string& s, const std::string& ctx) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      if (i + 1 >= s.size() || (s[i + 1] != '|' && s[i + 1] != '\\'))
        bad_file(ctx + ": a '\\' must be followed by '|' or '\\' (write \\\\ for a backslash)");
      out.back() += s[++i];
    } else if (s[i] == '|') {
      out.emplace_back();
    } else {
      out.back() += s[i];
    }
  }
  return out;
}

int csv_int(const std::string& s, const std::string& ctx, int fallback) {
  if (s.empty()) return fallback;
  std::size_t used = 0;
  int v = 0;
  try {
    v = std::stoi(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != s.size()) bad_file(ctx + ": '" + s + "' is not a whole number");
  return v;
}

double csv_double(const std::string& s, const std::string& ctx, double fallback) {
  if (s.empty()) return fallback;
  std::istringstream in(s);
  in.imbue(std::locale::classic());
  double v = 0;
  in >> v;
  if (in.fail() || !in.eof()) bad_file(ctx + ": '" + s + "' is not a number (use '.' as the decimal point)");
  return v;
}

std::string format_double(double v) {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(17);
  out << v;
  // Shortest text that reads back exactly (7.5 rather than 7.5000000000000000).
  for (int p = 1; p <= 17; ++p) {
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s.precision(p);
    s << v;
    if (std::stod(s.str()) == v) return s.str();
  }
  return out.str();
}

}  // namespace

std::vector<PromptTemplate> templates_from_json(const std::string& json_text) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::exception& e) {
    bad_file(std::string("the template file is not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) bad_file("the template file must be a JSON object with \"format\" and \"templates\"");
  const auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get<std::string>() != kTemplatesFormat)
    bad_file(std::string("not a Rashisa template file: \"format\" must be \"") + kTemplatesFormat + "\"");
  check_keys(doc, {"format", "templates"}, "the template file");
  const auto list = doc.find("templates");
  if (list == doc.end() || !list->is_array()) bad_file("the template file needs a \"templates\" list");
  std::vector<PromptTemplate> out;
  for (std::size_t i = 0; i < list->size(); ++i) out.push_back(template_from((*list)[i], i));
  validate(out);
  return out;
}

std::string templates_to_json(const std::vector<PromptTemplate>& list) {
  validate(list);
  json doc = json::object();
  doc["format"] = kTemplatesFormat;
  doc["templates"] = json::array();
  for (const PromptTemplate& t : list) doc["templates"].push_back(template_to(t));
  try {
    return doc.dump(2) + "\n";
  } catch (const json::exception&) {
    throw Error(ErrorCode::InvalidArgument, "a template contains text that is not valid UTF-8");
  }
}

std::vector<PromptTemplate> templates_from_csv(const std::string& csv_text) {
  std::string text = csv_text;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::size_t bad_at = 0;
  if (!valid_utf8(text, bad_at))
    bad_file("the CSV file is not UTF-8 (byte " + std::to_string(bad_at + 1) +
             "): save it as \"CSV UTF-8\" (in Excel: Save As > CSV UTF-8)");
  std::vector<std::size_t> line_of;
  const auto rows = parse_csv(text, line_of);
  if (rows.empty()) bad_file("the CSV file is empty: it needs a header row");
  const auto& header = rows[0];
  std::set<std::string> seen;
  for (const auto& h : header)
    if (!seen.insert(h).second) bad_file("the CSV header names the column '" + h + "' twice");
  for (std::size_t i = 0; i < kFixedCount; ++i)
    if (i >= header.size() || header[i] != kFixedColumns[i])
      bad_file(std::string("the CSV header must start with ") +
               "id,label_en,label_ja,prompt,negative_prompt,width,height,steps,guidance,sampler,images_per_prompt");
  // Variable columns: var.V, var.V.en, var.V.ja, var.V.label_en, var.V.label_ja.
  struct VarColumns {
    std::string name;
    long values = -1, en = -1, ja = -1, label_en = -1, label_ja = -1;
  };
  std::vector<VarColumns> vars;
  auto var_named = [&](const std::string& name) -> VarColumns& {
    for (auto& v : vars)
      if (v.name == name) return v;
    vars.push_back({name});
    return vars.back();
  };
  for (std::size_t c = kFixedCount; c < header.size(); ++c) {
    const std::string& h = header[c];
    if (h.compare(0, 4, "var.") != 0) bad_file("the CSV column '" + h + "' is unknown: variable columns start with 'var.'");
    const std::string rest = h.substr(4);
    const auto dot = rest.find('.');
    const std::string name = rest.substr(0, dot);
    const std::string suffix = dot == std::string::npos ? "" : rest.substr(dot + 1);
    VarColumns& v = var_named(name);
    const long col = static_cast<long>(c);
    if (suffix.empty()) v.values = col;
    else if (suffix == "en") v.en = col;
    else if (suffix == "ja") v.ja = col;
    else if (suffix == "label_en") v.label_en = col;
    else if (suffix == "label_ja") v.label_ja = col;
    else bad_file("the CSV column '" + h + "' is unknown: use var.NAME, var.NAME.en, var.NAME.ja, var.NAME.label_en or var.NAME.label_ja");
  }
  for (const auto& v : vars)
    if (v.values < 0) bad_file("the CSV has label columns for '" + v.name + "' but no column 'var." + v.name + "'");

  std::vector<PromptTemplate> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string ctx = "CSV line " + std::to_string(line_of[r]);
    if (row.size() != header.size())
      bad_file(ctx + ": " + std::to_string(row.size()) + " fields, but the header has " +
               std::to_string(header.size()) + " (quote fields that contain commas)");
    PromptTemplate t;
    t.id = row[0];
    t.label_en = row[1];
    t.label_ja = row[2];
    t.prompt = row[3];
    t.negative_prompt = row[4];
    t.width = csv_int(row[5], ctx + ", width", t.width);
    t.height = csv_int(row[6], ctx + ", height", t.height);
    t.steps = csv_int(row[7], ctx + ", steps", t.steps);
    t.guidance = csv_double(row[8], ctx + ", guidance", t.guidance);
    if (!row[9].empty()) t.sampler = row[9];
    t.images_per_prompt = csv_int(row[10], ctx + ", images_per_prompt", t.images_per_prompt);
    for (const auto& vc : vars) {
      if (row[vc.values].empty()) continue;
      const std::string vctx = ctx + ", var." + vc.name;
      TemplateVariable v;
      v.name = vc.name;
      if (vc.label_en >= 0) v.label_en = row[vc.label_en];
      if (vc.label_ja >= 0) v.label_ja = row[vc.label_ja];
      for (auto& value : split_list(row[vc.values], vctx)) v.values.push_back({std::move(value), {}, {}});
      auto labels = [&](long col, const char* lang, std::string TemplateValue::*member) {
        if (col < 0 || row[col].empty()) return;
        const auto items = split_list(row[col], vctx + "." + lang);
        if (items.size() != v.values.size())
          bad_file(vctx + "." + lang + ": " + std::to_string(items.size()) + " labels for " +
                   std::to_string(v.values.size()) + " values: give one label per value, joined with '|'");
        for (std::size_t k = 0; k < items.size(); ++k) v.values[k].*member = items[k];
      };
      labels(vc.en, "en", &TemplateValue::label_en);
      labels(vc.ja, "ja", &TemplateValue::label_ja);
      t.variables.push_back(std::move(v));
    }
    out.push_back(std::move(t));
  }
  validate(out);
  return out;
}

std::string templates_to_csv(const std::vector<PromptTemplate>& list, bool utf8_bom) {
  validate(list);
  std::vector<std::string> names;
  for (const auto& t : list)
    for (const auto& v : t.variables)
      if (std::find(names.begin(), names.end(), v.name) == names.end()) names.push_back(v.name);
  std::vector<std::string> header(std::begin(kFixedColumns), std::end(kFixedColumns));
  for (const auto& n : names)
    for (const char* s : {"", ".en", ".ja", ".label_en", ".label_ja"}) header.push_back("var." + n + s);

  std::string out = utf8_bom ? "\xEF\xBB\xBF" : "";
  auto put_row = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  put_row(header);
  for (const auto& t : list) {
    std::vector<std::string> row = {t.id,
                                    t.label_en,
                                    t.label_ja,
                                    t.prompt,
                                    t.negative_prompt,
                                    std::to_string(t.width),
                                    std::to_string(t.height),
                                    std::to_string(t.steps),
                                    format_double(t.guidance),
                                    t.sampler,
                                    std::to_string(t.images_per_prompt)};
    for (const auto& n : names) {
      const TemplateVariable* v = nullptr;
      for (const auto& x : t.variables)
        if (x.name == n) v = &x;
      if (!v) {
        row.insert(row.end(), 5, std::string());
        continue;
      }
      std::vector<std::string> values, en, ja;
      bool any_en = false, any_ja = false;
      for (const auto& x : v->values) {
        values.push_back(x.value);
        en.push_back(x.label_en);
        ja.push_back(x.label_ja);
        any_en = any_en || !x.label_en.empty();
        any_ja = any_ja || !x.label_ja.empty();
      }
      row.push_back(join_list(values));
      row.push_back(any_en ? join_list(en) : std::string());
      row.push_back(any_ja ? join_list(ja) : std::string());
      row.push_back(v->label_en);
      row.push_back(v->label_ja);
    }
    put_row(row);
  }
  return out;
}

std::vector<PromptTemplate> load_templates_file(const std::string& path) {
  std::string ext;
  if (const auto dot = path.find_last_of('.'); dot != std::string::npos) ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext != "json" && ext != "csv")
    throw Error(ErrorCode::InvalidArgument, "'" + path + "': template files must end in .json or .csv");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, "cannot open the template file '" + path + "'");
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) throw Error(ErrorCode::FileRead, "cannot read the template file '" + path + "'");
  if (size > 16 * 1024 * 1024) bad_file("'" + path + "' is over 16 MiB: that is not a template file");
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), size)) throw Error(ErrorCode::FileRead, "cannot read the template file '" + path + "'");
  try {
    return ext == "json" ? templates_from_json(text) : templates_from_csv(text);
  } catch (const Error& e) {
    throw Error(e.code(), "'" + path + "': " + e.what());
  }
}

}  // namespace rashisa::templates
