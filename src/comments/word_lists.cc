#include "comments/word_lists.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>

#include "core/utf8.h"
#include "spam/text/normalize.h"

namespace tribune::comments {
namespace {

bool IsRegex(const std::string& line) {
  return line.size() >= 2 && line.front() == '/' && line.back() == '/';
}

// A line as an RE2 pattern over folded text (spam::text::FoldForMatching):
// /regex/ as written (case-insensitive), a word or phrase folded the same
// way (its whole-word boundaries are checked after a hit: Unicode classes
// in the set would make it slow to build).
std::string PatternOf(const std::string& line) {
  if (IsRegex(line)) return "(?i)" + line.substr(1, line.size() - 2);
  return RE2::QuoteMeta(spam::text::FoldForMatching(line));
}

// A byte of a word: an ASCII letter, digit or '_', or any byte of a
// non-ASCII character (letters of other scripts).
bool WordByte(char c) {
  auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || std::isalnum(b) || b == '_';
}

// Whether `word` occurs in `text` with no word character on either side.
bool HasWholeWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    bool open = at == 0 || !WordByte(text[at - 1]) || !WordByte(word.front());
    bool close = end == text.size() || !WordByte(text[end]) || !WordByte(word.back());
    if (open && close) return true;
  }
  return false;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// A sample of what comments hold (words, links, numbers, other scripts), to
// time a set against: about 16 KiB.
const std::string& SampleText() {
  static const std::string text = [] {
    std::string one =
        "The council met on Tuesday to discuss the new bridge; residents asked about costs, "
        "traffic and the 2026 budget. See https://example.org/news/12-bridge.html or call "
        "+995 32 200 00 00. \xe1\x83\x92\xe1\x83\x90\xe1\x83\x9b\xe1\x83\x90\xe1\x83\xa0"
        "\xe1\x83\xaf\xe1\x83\x9d\xe1\x83\x91\xe1\x83\x90 \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2"
        "\xd0\xb5\xd1\x82 [b]bold[/b] 12345 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ";
    std::string out;
    while (out.size() < 16 * 1024) out += one;
    return out;
  }();
  return text;
}

}  // namespace

std::shared_ptr<const WordLists> WordLists::Build(const std::string& hold,
                                                  const std::string& reject,
                                                  std::vector<site::FieldError>* errors) {
  auto lists = std::make_shared<WordLists>();
  lists->hold_ = hold;
  lists->reject_ = reject;
  std::vector<std::string> patterns;
  size_t before = errors->size();
  for (bool is_reject : {true, false}) {
    const char* field = is_reject ? "reject" : "hold";
    std::istringstream in(is_reject ? reject : hold);
    int n = 0;
    for (std::string raw; std::getline(in, raw);) {
      ++n;
      std::string line = Trim(raw);
      if (line.empty() || line[0] == '#') continue;
      auto refuse = [&](const std::string& why) {
        errors->push_back({field, fmt::format("{} list, line {}: {}", is_reject ? "Reject" : "Hold",
                                              n, why)});
      };
      if (!utf8::IsValid(line)) {
        refuse("not valid UTF-8 text.");
        continue;
      }
      if (line.size() > kMaxEntryBytes) {
        refuse(fmt::format("longer than {} bytes.", kMaxEntryBytes));
        continue;
      }
      std::string pattern = PatternOf(line);
      RE2::Options opts;
      opts.set_log_errors(false);
      RE2 check(pattern, opts);
      if (!check.ok()) {
        refuse("not a regular expression RE2 accepts (" + check.error() + ").");
        continue;
      }
      lists->entries_.push_back(
          {is_reject, line, IsRegex(line) ? std::string() : spam::text::FoldForMatching(line)});
      patterns.push_back(std::move(pattern));
    }
  }
  if (lists->entries_.size() > kMaxEntries) {
    errors->push_back({"", fmt::format("The lists hold {} entries; at most {} are allowed.",
                                       lists->entries_.size(), kMaxEntries)});
  }
  if (errors->size() > before) return nullptr;
  auto set = spam::PatternSet::Build(patterns);
  if (!set.ok()) {
    errors->push_back({"", "The lists could not be compiled: " + set.status().message()});
    return nullptr;
  }
  lists->set_ = std::move(set).value();
  // Speed: the whole set over the sample text, the best of three runs.
  const std::string& sample = SampleText();
  double best = 1e18;
  for (int run = 0; run < 3; ++run) {
    auto start = std::chrono::steady_clock::now();
    std::vector<int> hits;
    lists->set_->Match(sample, &hits);
    best = std::min(best, std::chrono::duration<double, std::micro>(
                              std::chrono::steady_clock::now() - start)
                              .count());
  }
  double per_kib = best / (static_cast<double>(sample.size()) / 1024);
  if (per_kib > kMaxMicrosPerKiB) {
    errors->push_back({"", fmt::format("The lists take {:.0f} \u00b5s a KiB of text to check; at "
                                       "most {:.0f} are allowed. Use fewer or simpler patterns.",
                                       per_kib, kMaxMicrosPerKiB)});
    return nullptr;
  }
  return lists;
}

std::optional<WordLists::Match> WordLists::Check(const std::string& name,
                                                 const std::string& text) const {
  if (!set_ || entries_.empty()) return std::nullopt;
  std::string folded_name = spam::text::FoldForMatching(name);
  std::string folded_text = spam::text::FoldForMatching(text);
  std::vector<int> hits;
  set_->Match(folded_name, &hits);
  set_->Match(folded_text, &hits);
  // Words hit only as whole words.
  std::erase_if(hits, [&](int h) {
    const Entry& e = entries_[static_cast<size_t>(h)];
    if (IsRegex(e.text)) return false;
    return !HasWholeWord(folded_text, e.folded) && !HasWholeWord(folded_name, e.folded);
  });
  if (hits.empty()) return std::nullopt;
  // Reject entries come first in the set: the smallest index is the strongest.
  int i = *std::min_element(hits.begin(), hits.end());
  Match m{entries_[static_cast<size_t>(i)].reject, entries_[static_cast<size_t>(i)].text, {}};
  if (!IsRegex(m.entry)) {
    m.matched = m.entry;  // a whole-word match carries the characters around it
  } else if (!set_->Find(i, folded_text, &m.matched)) {
    set_->Find(i, folded_name, &m.matched);
  }
  return m;
}

}  // namespace tribune::comments
