#include "spam/text/phones.h"

#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace tribune::spam::text {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMinDigits = 7, kMaxDigits = 15;
constexpr int kMinRealDigits = 6;  // look-alike letters may stand for the rest
constexpr int kMaxSeparatorRun = 3;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The digit a look-alike letter stands for in a number, or 0.
char LookAlike(char c) {
  switch (c) {
    case 'o': case 'O': return '0';
    case 'l': case 'i': case 'I': case '|': return '1';
    default: return 0;
  }
}

// Bytes of the separator at `s[i]` (ASCII or a Unicode dash or space), or 0.
size_t SeparatorAt(std::string_view s, size_t i) {
  static constexpr std::array<std::string_view, 7> kWide = {
      "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\u00a0"};
  char c = s[i];
  if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '_') return 1;
  for (std::string_view w : kWide) {
    if (s.substr(i, w.size()) == w) return w.size();
  }
  return 0;
}

struct Candidate {
  size_t begin = 0, end = 0;
  std::string digits;
  std::vector<std::string> groups;  // digit groups between separators
  bool plus = false;
  int looks = 0, real = 0;
};

// Whether a run of look-alike letters at `i` stands for digits: it must not
// run into a word ("or", "lol").
bool LookAlikeRun(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && LookAlike(s[j])) ++j;
  return j == s.size() || !IsLetter(s[j]);
}

// The longest run from `i` of digits, look-alikes and separators.
Candidate Scan(std::string_view s, size_t i) {
  Candidate c;
  c.begin = i;
  if (s[i] == '+') c.plus = true, ++i;
  int seps = 0;
  std::string group;
  size_t last_digit_end = i;
  while (i < s.size()) {
    char ch = s[i];
    char digit = IsDigit(ch) ? ch : 0;
    if (!digit && LookAlike(ch) && !c.digits.empty() && LookAlikeRun(s, i)) digit = LookAlike(ch);
    if (digit) {
      (digit == ch ? c.real : c.looks) += 1;
      c.digits += digit, group += digit, seps = 0;
      last_digit_end = ++i;
      continue;
    }
    size_t sep = SeparatorAt(s, i);
    if (sep == 0 || ++seps > kMaxSeparatorRun) break;
    if (!group.empty()) c.groups.push_back(std::move(group)), group.clear();
    i += sep;
  }
  if (!group.empty()) c.groups.push_back(std::move(group));
  c.end = last_digit_end;
  return c;
}

bool IsYear(const std::string& g) {
  return g.size() == 4 && (g.starts_with("19") || g.starts_with("20"));
}

// Dates, IP addresses and lists of years are not telephone numbers, even
// where some country's numbering plan would accept the digits.
bool LooksLikeOtherNumber(const Candidate& c, std::string_view raw) {
  const auto& g = c.groups;
  if (std::count_if(g.begin(), g.end(), IsYear) >= 2) return true;
  bool dotted = raw.find('.') != std::string_view::npos;
  auto longest = std::max_element(g.begin(), g.end(), [](auto& x, auto& y) { return x.size() < y.size(); });
  if (dotted && (g.size() == 2 || longest->size() >= 5)) return true;  // 89311.468460, 20160128.0.0
  bool short_groups = longest->size() <= 3;
  if (dotted && g.size() == 4 && short_groups) return true;  // 192.168.1.10
  // Versions: "0.6.5.9_4.9.6_1-2", "1.2.3.4567". A number spelt out digit
  // by digit ("+1.8.8.8.5.5.5.0.1.9.9") has more groups than a version.
  if (dotted && raw.find('_') != std::string_view::npos) return true;
  auto one_digit = [](const std::string& x) { return x.size() == 1; };
  auto single = static_cast<size_t>(std::count_if(g.begin(), g.end(), one_digit));
  if (dotted && g.size() >= 3 && g.size() <= 5 && 2 * single >= g.size()) return true;
  if (g.size() >= 3 && IsYear(g[0]) &&
      std::all_of(g.begin() + 1, g.end(), [](auto& x) { return x.size() <= 2; })) {
    return true;  // 2015-02-10 09:30
  }
  if (g.size() == 3 && IsYear(g[2]) && g[1].size() <= 2) return true;  // 10.02.2015
  return false;
}

// A bare run of digits ("2147483648") is an id, a count or a hash as often
// as a number to call: it counts when it is a business number (toll-free,
// premium rate) or a word before it asks to call.
bool BareRunCounts(std::string_view s, const Candidate& c, bool business) {
  if (c.plus || c.groups.size() > 1 || business || c.digits.starts_with("00")) return true;
  static const RE2 kCallWord(
      R"((?:call|dial|ring|phone|tel|mob|mobile|cell|whats\s?app|viber|text|txt|sms|contact|number|no)"
      R"(|звоните|звонить|тел|телефон|номер|пишите|ватсап)\W{0,3}$)");
  size_t from = c.begin > 24 ? c.begin - 24 : 0;
  return RE2::PartialMatch(s.substr(from, c.begin - from), kCallWord);
}

bool Parse(const std::string& text, const char* region, PhoneNumber* out) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  return util.Parse(text, region, out) == PhoneNumberUtil::NO_PARSING_ERROR &&
         util.IsValidNumber(*out);
}

// Validates the digits under the numbering plans a number written this
// way could belong to: international with "+" or "00", North American,
// or a national trunk prefix ("0", Russia's "8").
bool Validate(const Candidate& c, PhoneNumber* out) {
  const std::string& d = c.digits;
  if (c.plus) return Parse("+" + d, "ZZ", out);
  if (d.starts_with("00")) return Parse("+" + d.substr(2), "ZZ", out);
  if ((d.size() == 11 && d[0] == '1') || (d.size() == 10 && d[0] >= '2')) {
    if (Parse(d, "US", out)) return true;
  }
  if (d.size() == 11 && d[0] == '8' && Parse(d, "RU", out)) return true;
  if (d[0] != '0') return false;
  for (const char* region : {"GB", "IN", "AU", "NG", "PH", "ZA", "ID", "DE", "FR", "GE"}) {
    if (Parse(d, region, out)) return true;
  }
  return false;
}

// Characters that glue a digit run to something else: a path, a query, an
// identifier or a decimal ("quant-ph/0304061", "id=4105425184", "v2.3").
bool IsGlue(char c) {
  return c == '/' || c == '=' || c == '#' || c == '_' || c == '&' || c == '?' || c == '.' ||
         c == '\\' || c == '%';
}

bool StartsNumber(std::string_view s, size_t i) {
  if (i > 0 && (IsLetter(s[i - 1]) || IsDigit(s[i - 1]) || IsGlue(s[i - 1]))) return false;
  if (IsDigit(s[i])) return true;
  return (s[i] == '+' || s[i] == '(') && i + 1 < s.size() && IsDigit(s[i + 1]);
}

}  // namespace

std::vector<Phone> FindPhones(std::string_view s, size_t max) {
  std::vector<Phone> found;
  size_t i = 0;
  while (i < s.size() && found.size() < max) {
    if (!StartsNumber(s, i)) {
      // A run that continues an identifier is skipped whole: its tail
      // ("screenshot_2017-04-02_21-08-15") is no number of its own.
      bool identifier = IsDigit(s[i]) && i > 0 && s[i - 1] == '_';
      i = identifier ? std::max(Scan(s, i).end, i + 1) : i + 1;
      continue;
    }
    Candidate c = Scan(s, s[i] == '(' ? i + 1 : i);
    i = std::max(c.end, i + 1);
    if (c.digits.size() < kMinDigits || c.digits.size() > kMaxDigits || c.real < kMinRealDigits) {
      continue;
    }
    if (c.end < s.size() && ((IsLetter(s[c.end]) && !LookAlike(s[c.end])) || IsGlue(s[c.end]))) {
      continue;  // "12345678abc", "1234567/89"
    }
    std::string_view raw = s.substr(c.begin, c.end - c.begin);
    PhoneNumber number;
    if (LooksLikeOtherNumber(c, raw) || !Validate(c, &number)) continue;
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    Phone p;
    p.raw = std::string(raw);
    util.Format(number, PhoneNumberUtil::E164, &p.e164);
    auto type = util.GetNumberType(number);
    p.toll_free = type == PhoneNumberUtil::TOLL_FREE || type == PhoneNumberUtil::PREMIUM_RATE ||
                  type == PhoneNumberUtil::SHARED_COST;
    if (!BareRunCounts(s, c, p.toll_free)) continue;
    p.disguised = c.looks > 0;
    bool seen = std::any_of(found.begin(), found.end(), [&](auto& f) { return f.e164 == p.e164; });
    if (!seen) found.push_back(std::move(p));
  }
  return found;
}

}  // namespace tribune::spam::text
