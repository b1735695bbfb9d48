#include "spam/model/features.h"

#include <algorithm>
#include <cmath>

#include "spam/model/keyed_hash.h"

namespace tribune::spam::model {
namespace {

// Character n-grams stop after this many bytes: enough to judge, and it
// bounds the cost of a pasted novel.
constexpr size_t kMaxGramBytes = 2000;
constexpr int kGram = 4;

class Builder {
 public:
  Builder(const FeatureSpace& s, bool names, FeatureSet* out)
      : space_(s), names_(names), out_(out) {}

  // Each tag hashes with its own seed, so "w:x" and "c:x" differ without
  // building "tag:token" strings.
  uint64_t Seed(std::string_view tag) const { return KeyedHash(tag, space_.key); }

  // Adds a feature; returns the token's hash for combining (word pairs).
  // `token` must outlive the FeatureSet when names are kept.
  uint64_t Add(std::string_view tag, uint64_t seed, std::string_view token, float value,
              int word = -1) {
    uint64_t h = KeyedHash(token, seed);
    Push(h, value, {tag, token, {}, word, word});
    return h;
  }
  void Add(std::string_view tag, std::string_view token, float value) {
    Add(tag, Seed(tag), token, value);
  }

  // A feature from an already computed hash; `name` is built only when
  // names are kept. Character n-grams keep only the word they fall in: they
  // are unreadable as evidence, but count towards their word's weight.
  void Push(uint64_t h, float value, const FeatureName& name) {
    out_->index.push_back(static_cast<uint32_t>(Mix64(h)) & ((1u << space_.bits) - 1));
    out_->value.push_back(value);
    if (names_) {
      out_->name.push_back(name.tag == "c" ? FeatureName{"c", {}, {}, name.from, name.to} : name);
    }
  }
  bool names() const { return names_; }

 private:
  const FeatureSpace& space_;
  bool names_;
  FeatureSet* out_;
};

// The character classes of a word with runs collapsed ("weton88" -> "a9"),
// for words that mix letters and digits: brand names of spam campaigns.
// Returns a view of static storage (names outlive the call).
std::string_view Shape(const std::string& w) {
  static const std::string_view kShapes[] = {"a9", "9a", "a9a", "9a9", "a9a9", "9a9a"};
  std::string s;
  bool letter = false, digit = false;
  for (unsigned char c : w) {
    if (c >= 0x80) return {};  // "17살" is Korean grammar, not a brand
    char k = std::isdigit(c) ? '9' : 'a';
    letter |= k == 'a', digit |= k == '9';
    if (s.empty() || s.back() != k) s += k;
  }
  if (!letter || !digit) return {};
  for (std::string_view k : kShapes) {
    if (k == s) return k;
  }
  return {};
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Start offsets of code points in `s`.
std::vector<size_t> CodePointStarts(std::string_view s) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsContinuation(s[i])) starts.push_back(i);
  }
  starts.push_back(s.size());
  return starts;
}

void AddTextFeatures(const Analysis& a, Builder& b) {
  const auto& words = a.body.words;
  std::string_view text(a.body.text);
  if (text.size() > kMaxGramBytes) text = text.substr(0, kMaxGramBytes);
  std::string padded = " " + std::string(text) + " ";
  std::vector<size_t> cps = CodePointStarts(padded);
  size_t grams = cps.size() > kGram ? cps.size() - kGram : 0;
  size_t n = words.size() * 2 + a.body.variants.size() + grams;
  float v = n == 0 ? 0.f : static_cast<float>(1.0 / std::sqrt(static_cast<double>(n)));
  uint64_t word_seed = b.Seed("w"), pair_seed = b.Seed("2"), gram_seed = b.Seed("c");
  uint64_t prev = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    int at = static_cast<int>(i);
    uint64_t h = b.Add("w", word_seed, words[i], v, at);
    if (i > 0) {
      b.Push(Mix64(pair_seed ^ (prev * 0x9e3779b97f4a7c15ULL) ^ h), v,
             {"2", words[i - 1], words[i], at - 1, at});
    }
    prev = h;
  }
  for (const std::string& w : a.body.variants) b.Add("w", word_seed, w, v);
  for (size_t i = 0; i < words.size(); ++i) {
    if (std::string_view s = Shape(words[i]); !s.empty()) {
      b.Add("shape", b.Seed("shape"), s, v, static_cast<int>(i));
    }
  }
  // Which word each byte of the padded text belongs to (spaces to the word
  // before them), for the n-grams' evidence.
  std::vector<int> word_at;
  if (b.names()) {
    word_at.assign(padded.size(), 0);
    int w = 0;
    for (size_t i = 1; i < padded.size(); ++i) {
      word_at[i] = w;
      if (padded[i] == ' ' && i + 1 < padded.size() && padded[i + 1] != ' ') ++w;
    }
    for (int& x : word_at) x = std::min(x, static_cast<int>(words.size()) - 1);
  }
  for (size_t i = 0; i < grams; ++i) {
    std::string_view gram = std::string_view(padded).substr(cps[i], cps[i + kGram] - cps[i]);
    uint64_t h = KeyedHash(gram, gram_seed);
    int at = b.names() && !words.empty() ? word_at[(cps[i] + cps[i + kGram]) / 2] : -1;
    b.Push(h, v, {"c", {}, {}, at, at});
  }
}

void AddMetaFeatures(const Analysis& a, const signals::Hits& hits, bool hosts, Builder& b) {
  b.Add("bias", "", 1.f);
  // Link hosts, so that moderators' decisions teach the model a site's
  // spam domains. Link counts and shapes are left to the link rules: in
  // the training corpora nearly every link is spam, in news comments not.
  if (hosts) {
    for (const text::Link& l : a.links.links) b.Add("host", l.domain, 1.f);
  }
  // No author-name features: in the training corpora, whether a name
  // exists and how it looks depends on the corpus, not on spam.
  if (!a.email_domain.empty()) b.Add("email", a.email_domain, 1.f);
  // Disguise rules stay out: in the training corpora nearly every styled
  // letter is gambling spam, so the model would learn the font instead of
  // the words it hides. The rules add their capped share themselves. Topic
  // and name rules stay out too (see signals::IsModelFeature).
  for (const signals::Hit& h : hits) {
    if (signals::IsModelFeature(h.symbol)) b.Add("rule", h.symbol, 1.f);
  }
}

// Shouting (mostly upper-case ASCII letters) is a trait of ads. Only the
// extreme is a feature: a share bucket present on every comment would act
// as a second bias learned from how each corpus happens to be written.
void AddShapeFeatures(const Analysis& a, Builder& b) {
  int upper = 0, letters = 0;
  for (char c : a.links.without_links) {
    upper += std::isupper(static_cast<unsigned char>(c)) != 0;
    letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
  }
  constexpr double kShouting = 0.6;
  if (letters >= 8 && upper >= kShouting * letters) b.Add("upper", "most", 1.f);
}

}  // namespace

std::string FeatureName::ToString() const {
  std::string s(tag);
  s += ':';
  s += first;
  if (!second.empty()) (s += ' ') += second;
  return s;
}

void ExtractFeatures(const Analysis& a, const signals::Hits& hits, const FeatureSpace& space,
                     bool keep_names, bool hosts, FeatureSet* out) {
  out->index.clear();
  out->value.clear();
  out->name.clear();
  out->index.reserve(512);
  out->value.reserve(512);
  if (keep_names) out->name.reserve(512);
  Builder b(space, keep_names, out);
  AddTextFeatures(a, b);
  AddMetaFeatures(a, hits, hosts, b);
  AddShapeFeatures(a, b);
}

}  // namespace tribune::spam::model
