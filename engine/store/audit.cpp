// The audit log: who changed what, when. Entries are written inside the transaction of
// the change they describe, so the log and the project never disagree.
#include "engine/store/project_impl.h"

#include <cstdio>

namespace rashisa::store {
namespace detail {

std::string json_quote(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
  return out;
}

std::string json_int_array(const std::vector<std::int64_t>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "]";
}

std::vector<std::int64_t> parse_int_array(const std::string& json, const char* field) {
  std::vector<std::int64_t> out;
  const auto bad = [&] {
    return StoreError(StoreFault::Damaged, std::string("The stored ") + field +
                                               " are damaged; open a backup copy of the project.");
  };
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < json.size() && (json[i] == ' ' || json[i] == '\n' || json[i] == '\t' || json[i] == '\r')) ++i;
  };
  skip_space();
  if (i >= json.size() || json[i] != '[') throw bad();
  ++i;
  skip_space();
  if (i < json.size() && json[i] == ']') return out;
  for (;;) {
    skip_space();
    const std::size_t start = i;
    if (i < json.size() && json[i] == '-') ++i;
    while (i < json.size() && json[i] >= '0' && json[i] <= '9') ++i;
    if (i == start || i - start > 19) throw bad();
    try {
      out.push_back(std::stoll(json.substr(start, i - start)));
    } catch (const std::exception&) {
      throw bad();
    }
    skip_space();
    if (i < json.size() && json[i] == ',') {
      ++i;
      continue;
    }
    if (i < json.size() && json[i] == ']') break;
    throw bad();
  }
  return out;
}

void audit_json(sqlite3* db, const std::string& who, const std::string& action,
                const std::string& details_json) {
  sql::Statement s(db, "INSERT INTO audit_log(at, who, action, details) VALUES(?, ?, ?, ?)",
                   "Could not write the audit log");
  s.bind(1, sql::now_utc()).bind(2, who).bind(3, action).bind(4, details_json).run();
}

void audit(sqlite3* db, const std::string& who, const char* action,
           std::initializer_list<AuditField> details) {
  std::string json = "{";
  bool first = true;
  for (const AuditField& f : details) {
    if (!first) json += ',';
    first = false;
    json += json_quote(f.key) + ':' +
            (f.is_text ? json_quote(f.text) : f.is_null ? "null" : std::to_string(f.number));
  }
  json += '}';
  audit_json(db, who, action, json);
}

}  // namespace detail

void Project::log_action(const std::string& action, const std::string& details_json) {
  Impl& im = impl();
  detail::require(!action.empty(), "An audit entry needs an action name.");
  detail::require_json(im.get(), details_json, "audit details", true);
  sql::Transaction tx(im.get(), "Could not write the audit log");
  detail::audit_json(im.get(), im.actor, action, details_json);
  tx.commit();
}

std::vector<AuditEntry> Project::audit_log(std::size_t last) const {
  // Newest `last` rows, returned oldest first.
  const char* sql_text =
      last == 0 ? "SELECT id, at, who, action, details FROM audit_log ORDER BY id"
                : "SELECT * FROM (SELECT id, at, who, action, details FROM audit_log "
                  "ORDER BY id DESC LIMIT ?) ORDER BY id";
  sql::Statement s(impl().get(), sql_text, "Could not read the audit log");
  if (last != 0) s.bind(1, static_cast<std::int64_t>(last));
  std::vector<AuditEntry> out;
  while (s.step()) {
    out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4)});
  }
  return out;
}

}  // namespace rashisa::store
