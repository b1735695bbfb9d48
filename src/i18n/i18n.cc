#include "i18n/i18n.h"

#include <fmt/format.h>
#include <unicode/dtptngen.h>
#include <unicode/msgfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>

namespace tribune::i18n {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

// The names languages call themselves, for the switch.
std::string NativeName(const std::string& code) {
  if (code == "en") return "English";
  if (code == "ka") return "ქართული";
  if (code == "ru") return "Русский";
  icu::Locale l(code.c_str());
  icu::UnicodeString name;
  l.getDisplayName(l, name);
  return ToUtf8(name);
}

}  // namespace

struct Language::Formats {
  icu::Locale locale;
  std::mutex mu;  // ICU formatters are not to be shared between threads unguarded
  std::unique_ptr<icu::SimpleDateFormat> date;
};

Language::Language(std::string code, std::string name,
                   std::unordered_map<std::string, std::string> texts)
    : code_(std::move(code)), name_(std::move(name)), texts_(std::move(texts)),
      formats_(std::make_unique<Formats>()) {
  formats_->locale = icu::Locale(code_.c_str());
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> gen(
      icu::DateTimePatternGenerator::createInstance(formats_->locale, err));
  // English keeps the site's own order ("5 December 2026 17:25", as the seed
  // page has it); other languages take CLDR's for the same fields.
  icu::UnicodeString pattern = code_ == "en" || U_FAILURE(err)
                                   ? icu::UnicodeString("d MMMM y HH:mm")
                                   : gen->getBestPattern("dMMMMyHHmm", err);
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    pattern = "d MMMM y HH:mm";
  }
  formats_->date = std::make_unique<icu::SimpleDateFormat>(pattern, formats_->locale, err);
  if (U_FAILURE(err)) formats_->date.reset();
  if (formats_->date) formats_->date->setTimeZone(*icu::TimeZone::getGMT());
}

Language::~Language() = default;

const std::string& Language::T(const std::string& id) const {
  auto it = texts_.find(id);
  return it == texts_.end() ? id : it->second;
}

std::string Language::F(
    const std::string& id, std::initializer_list<std::pair<std::string_view, int64_t>> numbers,
    std::initializer_list<std::pair<std::string_view, std::string_view>> texts) const {
  const std::string& pattern = T(id);
  UErrorCode err = U_ZERO_ERROR;
  icu::MessageFormat format(FromUtf8(pattern), formats_->locale, err);
  if (U_FAILURE(err) && &pattern != &id) {
    err = U_ZERO_ERROR;  // a broken translation: the English pattern
    format.applyPattern(FromUtf8(id), err);
  }
  if (U_FAILURE(err)) return id;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> args;
  for (const auto& [name, value] : numbers) {
    names.push_back(FromUtf8(name));
    args.emplace_back(static_cast<int64_t>(value));
  }
  for (const auto& [name, value] : texts) {
    names.push_back(FromUtf8(name));
    args.emplace_back(FromUtf8(value));
  }
  icu::UnicodeString out;
  format.format(names.data(), args.data(), static_cast<int32_t>(args.size()), out, err);
  if (U_FAILURE(err)) return id;
  return ToUtf8(out);
}

std::string Language::DateTime(int64_t unix_seconds) const {
  if (!formats_->date) return fmt::format("{}", unix_seconds);
  icu::UnicodeString out;
  {
    std::lock_guard lock(formats_->mu);
    formats_->date->format(static_cast<UDate>(unix_seconds) * 1000.0, out);
  }
  return ToUtf8(out);
}

Result<std::shared_ptr<const Languages>> Languages::Load(const std::string& dir,
                                                         const std::vector<std::string>& codes) {
  auto out = std::make_shared<Languages>();
  for (const std::string& code : codes) {
    std::unordered_map<std::string, std::string> texts;
    if (code != "en") {
      std::string path = dir + "/" + code + ".toml";
      try {
        toml::table table = toml::parse_file(path);
        for (const auto& [key, node] : table) {
          auto value = node.value<std::string>();
          if (!value) {
            return InvalidArgument(fmt::format("{}: the text for \"{}\" must be a string", path,
                                               std::string(key.str())));
          }
          texts.emplace(std::string(key.str()), *value);
        }
      } catch (const toml::parse_error& e) {
        return InvalidArgument(fmt::format("{}:{}: {}", path, e.source().begin.line,
                                           std::string(e.description())));
      }
    }
    out->list_.push_back(std::make_unique<Language>(code, NativeName(code), std::move(texts)));
  }
  if (out->list_.empty()) out->list_.push_back(std::make_unique<Language>("en", "English",
                                                  std::unordered_map<std::string, std::string>{}));
  return std::shared_ptr<const Languages>(std::move(out));
}

std::shared_ptr<const Languages> Languages::EnglishOnly() {
  static const std::shared_ptr<const Languages> english = *Load("", {"en"});
  return english;
}

const Language& Languages::Get(std::string_view code) const {
  for (const auto& l : list_) {
    if (l->code() == code) return *l;
  }
  return Default();
}

bool Languages::Offers(std::string_view code) const {
  return std::any_of(list_.begin(), list_.end(), [&](const auto& l) { return l->code() == code; });
}

const Language& Languages::Choose(std::string_view chosen, std::string_view accept) const {
  if (Offers(chosen)) return Get(chosen);
  const Language* best = nullptr;
  double best_q = 0;
  while (!accept.empty()) {
    size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view tag = item.substr(0, semi);
    double q = 1;
    if (semi != std::string_view::npos) {
      std::string_view param = item.substr(semi + 1);
      size_t qpos = param.find("q=");
      if (qpos != std::string_view::npos) q = std::strtod(std::string(param.substr(qpos + 2)).c_str(), nullptr);
    }
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    std::string primary(tag.substr(0, tag.find('-')));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (q > best_q && Offers(primary)) {
      best = &Get(primary);
      best_q = q;
    }
  }
  return best ? *best : Default();
}

}  // namespace tribune::i18n
