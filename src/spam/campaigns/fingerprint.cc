#include "spam/campaigns/fingerprint.h"

#include <re2/re2.h>

#include <algorithm>

#include "core/ascii.h"
#include "spam/model/keyed_hash.h"
#include "spam/text/language.h"

namespace tribune::spam::campaigns {
namespace {

// Handles of at least this many characters: "@jo" is a reader's friend as
// often as anyone's brand.
constexpr size_t kMinHandle = 4;

void AddHandles(std::string_view text, std::vector<std::string>* out) {
  if (text.find('@') == std::string_view::npos) return;  // most comments: no scan
  static const RE2 kHandle(R"((?:^|[^a-z0-9_.@])(@[a-z0-9_][a-z0-9_.]{3,40}[a-z0-9_]))");
  re2::StringPiece input(text.data(), text.size());
  std::string handle;
  while (RE2::FindAndConsume(&input, kHandle, &handle)) {
    if (handle.size() > kMinHandle) out->push_back("handle:" + handle);
  }
}

void AddEmails(std::string_view text, std::vector<std::string>* out) {
  if (text.find('@') == std::string_view::npos) return;
  static const RE2 kEmail(R"(([a-z0-9._%+-]{2,}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}))");
  re2::StringPiece input(text.data(), text.size());
  std::string email;
  while (RE2::FindAndConsume(&input, kEmail, &email)) out->push_back("email:" + email);
}

bool Common(const Lists& lists, const text::Link& l) {
  return lists.common_hosts.count(l.domain) || lists.shorteners.count(l.domain) ||
         lists.shorteners.count(l.host);
}

// The distinct words of the text that say what it is about, hashed with
// `key`; digits-only words and single letters are left out with the
// function words.
void AddContentWords(const std::vector<std::string>& words, uint64_t key,
                     std::vector<uint32_t>* out) {
  constexpr size_t kWordsRead = 400;  // of a pasted novel, its start is enough
  for (size_t i = 0; i < words.size() && i < kWordsRead; ++i) {
    const std::string& w = words[i];
    bool digits = std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (w.size() < 2 || digits || text::IsFunctionWord(w)) continue;
    out->push_back(static_cast<uint32_t>(model::KeyedHash(w, key)));
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  if (out->size() < kMinContentWords) out->clear();
}

}  // namespace

Fingerprint FingerprintOf(const Analysis& a, uint64_t key, int min_chars) {
  Fingerprint f;
  if (a.body.text.size() >= static_cast<size_t>(min_chars)) f.signature = Sign(a.body.text, key);
  std::vector<std::string>& keys = f.artifacts;
  for (const text::Phone& p : a.phones) keys.push_back("phone:" + p.e164);
  for (const text::LinkScan* scan : {&a.links, &a.author_links}) {
    for (const text::Link& l : scan->links) {
      if (!Common(*a.lists, l)) keys.push_back("domain:" + l.domain);
    }
  }
  AddHandles(a.folded_body, &keys);
  AddEmails(a.folded_body, &keys);
  for (const std::string& w : a.crypto_addresses) keys.push_back("wallet:" + AsciiLower(w));
  AddContentWords(a.body.words, key, &f.words);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return f;
}

}  // namespace tribune::spam::campaigns
