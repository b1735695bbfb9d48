// Everything the checks need to know about one comment, computed once.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "spam/lists.h"
#include "spam/text/code.h"
#include "spam/text/normalize.h"
#include "spam/text/phones.h"
#include "spam/text/urls.h"
#include "spam/types.h"

namespace tribune::spam {

// What the checks use of an article: its script and its terms (words of
// five bytes or more that are not numbers), from the title and the start
// of the body.
struct ArticleProfile {
  text::ScriptCounts scripts;
  std::string language;  // ISO 639-1 of a Latin-script article; empty when unsure
  std::unordered_set<std::string> terms;
};

std::shared_ptr<const ArticleProfile> ProfileArticle(const std::string& title,
                                                     const std::string& body);

// Many comments are checked against the same few articles: profiles are
// kept, keyed by a hash of title and body start. Thread-safe.
class ArticleCache {
 public:
  std::shared_ptr<const ArticleProfile> Get(const std::string& title, const std::string& body);

 private:
  static constexpr size_t kMaxEntries = 1024;  // then start afresh
  std::mutex mu_;
  std::unordered_map<uint64_t, std::shared_ptr<const ArticleProfile>> profiles_;
};

struct Analysis {
  const CommentInput* input = nullptr;
  const Lists* lists = nullptr;
  // The words of the prose: code lines and link addresses left out.
  text::NormalizedText body;
  std::string folded_body;  // NFKC casefold, invisible chars removed, lines kept
  std::string prose;        // NFKC, case kept, invisible chars and code lines removed
  text::CodeSplit code;     // code lines found (code.prose is moved into `prose`)
  // Links in the whole body (code too: code tags cannot hide a link), except
  // links to documentation and code hosts (reference_hosts.txt), which are
  // in `reference_links`: readers cite them, spam does not pay for them.
  text::LinkScan links;
  std::vector<text::Link> reference_links;
  // How many of `links` stand in the prose: links in logs, commands and
  // other code lines are quoted output, not placed (LINKS_MANY, LINK_DENSE).
  size_t prose_links = 0;
  std::vector<text::Phone> phones;  // telephone numbers in the body
  // Wallet and contract addresses of the prose (text::FindCryptoAddresses).
  std::vector<std::string> crypto_addresses;
  text::NormalizedText author;
  text::LinkScan author_links;
  std::string email_domain;                       // lower-cased, empty when none
  std::shared_ptr<const ArticleProfile> article;  // null when no article was given
  std::string_view site_language;                 // EngineOptions::site_language
};

// Thread-safe. `input` and `lists` must outlive the result. The article is
// profiled through `cache` when one is given. `site_language` (must outlive
// the result too) is EngineOptions::site_language.
Analysis Analyze(const CommentInput& input, const Lists& lists, ArticleCache* cache = nullptr,
                 std::string_view site_language = {});

}  // namespace tribune::spam
