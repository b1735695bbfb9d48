#include "spam/analysis.h"

#include <algorithm>
#include <iterator>

#include "spam/model/keyed_hash.h"
#include "spam/text/crypto_address.h"
#include "spam/text/language.h"

namespace tribune::spam {
namespace {

// Relevance needs the article's vocabulary, not all of it: the title and
// its opening paragraphs carry the topic, and bound the cost per check.
constexpr size_t kArticleChars = 1500;

std::string EmailDomain(const std::string& email) {
  size_t at = email.rfind('@');
  if (at == std::string::npos) return {};
  std::string d = email.substr(at + 1);
  for (char& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return d;
}

// Words this short are mostly function words in the languages we see.
constexpr size_t kMinTermBytes = 5;

// At most `max` bytes of `s`, cut at a code point boundary (no ellipsis:
// an added "…" would send ASCII text down the slower Unicode path).
std::string Head(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

bool IsTerm(const std::string& w) {
  return w.size() >= kMinTermBytes && w.find_first_not_of("0123456789") != std::string::npos;
}

// Fewer digits than this cannot make a telephone number: skip the search.
constexpr int kMinPhoneDigits = 6;

bool HasDigits(std::string_view s, int n) {
  for (char c : s) {
    if (c >= '0' && c <= '9' && --n == 0) return true;
  }
  return false;
}

// Whether `host` is a listed reference host or a subdomain of one.
bool IsReference(const Lists& lists, const text::Link& l) {
  if (lists.reference_hosts.empty()) return false;
  if (lists.reference_hosts.count(l.domain)) return true;
  std::string_view h = l.host;
  while (true) {
    if (lists.reference_hosts.count(std::string(h))) return true;
    size_t dot = h.find('.');
    if (dot == std::string_view::npos) return false;
    h.remove_prefix(dot + 1);
  }
}

void SetAsideReferences(const Lists& lists, text::LinkScan* scan, std::vector<text::Link>* refs) {
  auto& links = scan->links;
  auto keep = std::stable_partition(links.begin(), links.end(),
                                    [&](const text::Link& l) { return !IsReference(lists, l); });
  std::move(keep, links.end(), std::back_inserter(*refs));
  links.erase(keep, links.end());
}

}  // namespace

Analysis Analyze(const CommentInput& input, const Lists& lists, ArticleCache* cache,
                 std::string_view site_language) {
  Analysis a;
  a.input = &input;
  a.lists = &lists;
  a.site_language = site_language;
  // Words of the text proper, without link addresses: links are judged by
  // the link rules, and address fragments ("http", "com") say nothing.
  std::string clean = text::CleanNfkc(input.body);
  a.links = text::FindLinks(clean);
  SetAsideReferences(lists, &a.links, &a.reference_links);
  a.code = text::SplitCode(clean);
  if (a.code.code_lines == 0 && a.code.prose == clean) {
    a.prose = std::move(clean);
    a.prose_links = a.links.links.size();
    a.body = text::Normalize(a.links.without_links);
  } else {
    a.prose = std::move(a.code.prose);
    a.code.prose.clear();
    text::LinkScan prose_links = text::FindLinks(a.prose);
    std::vector<text::Link> prose_refs;
    SetAsideReferences(lists, &prose_links, &prose_refs);
    a.prose_links = prose_links.links.size();
    a.body = text::Normalize(prose_links.without_links);
  }
  for (std::string_view w : text::FindCryptoAddresses(a.prose)) a.crypto_addresses.emplace_back(w);
  text::CountDisguises(input.body, &a.body);
  a.folded_body = text::FoldForMatching(input.body);
  if (HasDigits(a.links.without_links, kMinPhoneDigits)) {
    a.phones = text::FindPhones(a.links.without_links);
  }
  if (!input.author.empty()) {
    a.author = text::Normalize(input.author);
    a.author_links = text::FindLinks(text::CleanNfkc(input.author));
  }
  a.email_domain = EmailDomain(input.email);
  if (!input.article_title.empty() || !input.article_body.empty()) {
    a.article = cache ? cache->Get(input.article_title, input.article_body)
                      : ProfileArticle(input.article_title, input.article_body);
  }
  return a;
}

std::shared_ptr<const ArticleProfile> ProfileArticle(const std::string& title,
                                                     const std::string& body) {
  text::NormalizedText n = text::Normalize(title + "\n" + Head(body, kArticleChars));
  auto p = std::make_shared<ArticleProfile>();
  p->scripts = n.scripts;
  p->language = std::string(text::GuessLanguage(n.text).code);
  for (std::string& w : n.words) {
    if (IsTerm(w)) p->terms.insert(std::move(w));
  }
  return p;
}

std::shared_ptr<const ArticleProfile> ArticleCache::Get(const std::string& title,
                                                        const std::string& body) {
  std::string key = title + '\0' + Head(body, kArticleChars);
  uint64_t h = model::KeyedHash(key, 0);
  {
    std::lock_guard lock(mu_);
    if (auto it = profiles_.find(h); it != profiles_.end()) return it->second;
  }
  auto p = ProfileArticle(title, body);
  std::lock_guard lock(mu_);
  if (profiles_.size() >= kMaxEntries) profiles_.clear();
  profiles_[h] = p;
  return p;
}

}  // namespace tribune::spam
