#include "bbcode_html_check.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace tribune::bbcode::testing {
namespace {

struct Attribute {
  std::string name;
  std::string value;  // still escaped
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// "" when every '&' in `s` starts one of the entities the escaper writes and
// no character that must be escaped appears raw.
std::string CheckEscaped(std::string_view s) {
  static const std::string_view kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<' || c == '>' || c == '"' || c == '\'') return std::string("raw ") + c;
    if (c != '&') continue;
    bool known = false;
    for (std::string_view e : kEntities) known = known || StartsWith(s.substr(i), e);
    if (!known) return "bare & or unknown entity";
  }
  return "";
}

bool IsHexColor(std::string_view v) {
  if ((v.size() != 4 && v.size() != 7) || v[0] != '#') return false;
  for (char c : v.substr(1)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool IsColorStyle(std::string_view v) {
  if (!StartsWith(v, "color:")) return false;
  std::string_view color = v.substr(6);
  if (IsHexColor(color)) return true;
  if (color.empty()) return false;
  for (char c : color) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

bool IsAllowedHref(std::string_view v) {
  return StartsWith(v, "http://") || StartsWith(v, "https://") || StartsWith(v, "mailto:") ||
         StartsWith(v, "/go?u=");
}

// "" when the attribute set of element `name` is one the renderer emits.
std::string CheckAttributes(const std::string& name, const std::vector<Attribute>& attrs) {
  std::set<std::string> seen;
  for (const Attribute& a : attrs) {
    if (!seen.insert(a.name).second) return "duplicate attribute " + a.name;
    std::string bad = CheckEscaped(a.value);
    if (!bad.empty()) return "attribute " + a.name + ": " + bad;
    bool ok = false;
    if (name == "span") {
      ok = a.name == "style" && IsColorStyle(a.value);
    } else if (name == "div") {
      static const std::set<std::string> kClasses = {
          "bb-left", "bb-center", "bb-right", "hidden-text", "hidden-text hidden-text-locked"};
      ok = a.name == "class" && kClasses.count(a.value) > 0;
    } else if (name == "a") {
      ok = (a.name == "href" && IsAllowedHref(a.value)) ||
           (a.name == "rel" && a.value == "ugc nofollow noopener");
    } else if (name == "blockquote") {
      ok = a.name == "class" && a.value == "quote";
    } else if (name == "details") {
      ok = a.name == "class" && a.value == "spoiler";
    } else if (name == "img") {
      ok = (a.name == "class" && a.value == "smiley") ||
           (a.name == "src" && StartsWith(a.value, "/static/smilies/")) ||
           (a.name == "alt" && StartsWith(a.value, ":")) ||
           ((a.name == "width" || a.name == "height") && a.value == "20");
    }
    if (!ok) return "unexpected " + a.name + "=\"" + a.value + "\" on <" + name + ">";
  }
  if (name == "a" && (seen.count("href") == 0 || seen.count("rel") == 0)) {
    return "<a> without href and rel";
  }
  if (name == "span" && seen.empty()) return "<span> without style";
  return "";
}

// Parses the attributes of a start tag from `body` (what follows the name).
bool ParseAttributes(std::string_view body, std::vector<Attribute>* attrs) {
  while (!body.empty()) {
    if (body[0] != ' ') return false;
    body.remove_prefix(1);
    size_t eq = body.find("=\"");
    if (eq == std::string_view::npos || eq == 0) return false;
    std::string name(body.substr(0, eq));
    for (char c : name) {
      if (c < 'a' || c > 'z') return false;
    }
    body.remove_prefix(eq + 2);
    size_t quote = body.find('"');
    if (quote == std::string_view::npos) return false;
    attrs->push_back({name, std::string(body.substr(0, quote))});
    body.remove_prefix(quote + 1);
  }
  return true;
}

}  // namespace

std::string CheckRenderedHtml(std::string_view html) {
  static const std::set<std::string> kElements = {"b",       "i",  "u",          "s",    "span",
                                                  "div",     "a",  "blockquote", "cite", "details",
                                                  "summary", "br", "img"};
  std::vector<std::string> open;
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) lt = html.size();
    std::string bad = CheckEscaped(html.substr(i, lt - i));
    if (!bad.empty()) return "text at " + std::to_string(i) + ": " + bad;
    if (lt == html.size()) break;
    size_t gt = html.find('>', lt);
    if (gt == std::string_view::npos) return "unterminated tag at " + std::to_string(lt);
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (StartsWith(tag, "/")) {
      std::string name(tag.substr(1));
      if (open.empty() || open.back() != name) return "misplaced </" + name + ">";
      open.pop_back();
      continue;
    }
    size_t name_end = std::min(tag.find(' '), tag.size());
    std::string name(tag.substr(0, name_end));
    if (kElements.count(name) == 0) return "element <" + name + "> not allowed";
    std::vector<Attribute> attrs;
    if (!ParseAttributes(tag.substr(name_end), &attrs))
      return "malformed <" + std::string(tag) + ">";
    bad = CheckAttributes(name, attrs);
    if (!bad.empty()) return bad;
    if (name == "a") {
      for (const std::string& o : open) {
        if (o == "a") return "nested <a>";
      }
    }
    if (name != "br" && name != "img") open.push_back(name);
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

}  // namespace tribune::bbcode::testing
