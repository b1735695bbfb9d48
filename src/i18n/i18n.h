// The interface's languages. English texts in the source are the message ids
// (as with gettext); data/i18n/{lang}.toml maps them to a language's text:
//
//   "Add Comments" = "კომენტარის დამატება"
//   "Comments: {count}" = "კომენტარები: {count}"
//
// Texts with arguments are ICU MessageFormat patterns, in the ids and in the
// translations, so plurals follow each language's rules ("{n, plural, one {#
// reply} other {# replies}}"). A text a catalog lacks falls back to English.
// A publisher adds a language by adding its file and listing it in
// [site] languages.
//
// Immutable once loaded: share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"

namespace tribune::i18n {

// One language's texts and formats.
class Language {
 public:
  Language(std::string code, std::string name, std::unordered_map<std::string, std::string> texts);
  ~Language();
  Language(const Language&) = delete;
  Language& operator=(const Language&) = delete;

  const std::string& code() const { return code_; }  // "ka"
  const std::string& name() const { return name_; }  // "ქართული", in itself

  // The text for the English `id`; `id` itself when the catalog lacks it.
  const std::string& T(const std::string& id) const;
  // `id`'s pattern with named arguments filled in (ICU MessageFormat):
  //   F("Comments: {count}", {{"count", 12}})
  std::string F(const std::string& id,
                std::initializer_list<std::pair<std::string_view, int64_t>> numbers,
                std::initializer_list<std::pair<std::string_view, std::string_view>> texts = {}) const;
  // A date and time in this language ("5 December 2026 06:33", "5 დეკემბერი 2026 06:33"), UTC.
  std::string DateTime(int64_t unix_seconds) const;
  // Whether the catalog has `id`.
  bool Has(const std::string& id) const { return texts_.count(id) > 0; }
  size_t size() const { return texts_.size(); }

 private:
  struct Formats;
  std::string code_, name_;
  std::unordered_map<std::string, std::string> texts_;
  std::unique_ptr<Formats> formats_;
};

class Languages {
 public:
  // Loads `codes` from dir/{code}.toml ("en" needs no file). The first code
  // is the site's default. Errors name the file and the line.
  static Result<std::shared_ptr<const Languages>> Load(const std::string& dir,
                                                       const std::vector<std::string>& codes);
  // English alone (tests, tools).
  static std::shared_ptr<const Languages> EnglishOnly();

  const Language& Default() const { return *list_.front(); }
  // The language `code` names, or the default.
  const Language& Get(std::string_view code) const;
  bool Offers(std::string_view code) const;
  const std::vector<std::unique_ptr<Language>>& all() const { return list_; }

  // The reader's language: `chosen` (their switch's cookie) when offered,
  // else the best of `accept_language` (RFC 9110 q-values, "ka-GE" matching
  // "ka"), else the default.
  const Language& Choose(std::string_view chosen, std::string_view accept_language) const;

 private:
  std::vector<std::unique_ptr<Language>> list_;
};

}  // namespace tribune::i18n
