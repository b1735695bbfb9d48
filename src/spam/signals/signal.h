// Rules ("signals"): each looks at one aspect of a comment and, when it
// fires, adds a named symbol with a strength and the evidence it saw. The
// score of a symbol is its configured weight times the strength.
#pragma once

#include <re2/re2.h>

#include <string>
#include <string_view>
#include <vector>

#include "spam/analysis.h"

namespace tribune::spam::signals {

struct Hit {
  std::string symbol;
  double strength = 1.0;  // multiplies the symbol's score
  std::string evidence;
};

using Hits = std::vector<Hit>;

// Runs every rule. Scores come from the symbol table (data/spam/symbols.toml);
// moderator patterns report their own score as strength relative to 1.
void RunAll(const Analysis& a, Hits* out);

// One function per rule, each in its own file.
void CheckLinkCount(const Analysis& a, Hits* out);
void CheckLinkDomains(const Analysis& a, Hits* out);
void CheckObfuscatedLinks(const Analysis& a, Hits* out);
void CheckLinkTargets(const Analysis& a, Hits* out);
void CheckAuthorLinks(const Analysis& a, Hits* out);
void CheckRawHtml(const Analysis& a, Hits* out);
void CheckKeywordAnchor(const Analysis& a, Hits* out);
void CheckReferencesBlock(const Analysis& a, Hits* out);
void CheckEmptyBody(const Analysis& a, Hits* out);
void CheckMixedScripts(const Analysis& a, Hits* out);
void CheckDisguisedLetters(const Analysis& a, Hits* out);
void CheckScriptMismatch(const Analysis& a, Hits* out);
void CheckLanguageMismatch(const Analysis& a, Hits* out);
void CheckSelfPromotion(const Analysis& a, Hits* out);
void CheckLikeBait(const Analysis& a, Hits* out);
void CheckLinkMoneyHost(const Analysis& a, Hits* out);
void CheckRelevance(const Analysis& a, Hits* out);
void CheckDisposableEmail(const Analysis& a, Hits* out);
void CheckModeratorPatterns(const Analysis& a, Hits* out);
void CheckPhoneNumbers(const Analysis& a, Hits* out);
void CheckContactHandoff(const Analysis& a, Hits* out);
void CheckMoneyClaim(const Analysis& a, Hits* out);
void CheckSupportScam(const Analysis& a, Hits* out);
void CheckAuthorKeyword(const Analysis& a, Hits* out);
void CheckGenericPraise(const Analysis& a, Hits* out);
void CheckSpunTemplate(const Analysis& a, Hits* out);
void CheckCrypto(const Analysis& a, Hits* out);
void CheckJobOffer(const Analysis& a, Hits* out);
void CheckAdultOffer(const Analysis& a, Hits* out);
void CheckIllegalGoods(const Analysis& a, Hits* out);
void CheckPharmaOffer(const Analysis& a, Hits* out);
void CheckServiceOffer(const Analysis& a, Hits* out);
void CheckPrizeClaim(const Analysis& a, Hits* out);
void CheckCodeText(const Analysis& a, Hits* out);
void CheckListed(const Analysis& a, Hits* out);
void CheckGamblingPromo(const Analysis& a, Hits* out);
void CheckGamblingBrand(const Analysis& a, Hits* out);
void CheckCallToAction(const Analysis& a, Hits* out);
void CheckRecoveryScam(const Analysis& a, Hits* out);

// Disguise symbols (group "disguise" of the default table: styled,
// look-alike, invisible or spaced letters) show that a text was dressed up,
// not what it says. They are left out of the model's features.
bool IsDisguise(std::string_view symbol);

// Whether the model learns a weight for the rule. Not for link rules (in the
// corpora nearly every link is spam), disguise rules (see above), nor the
// rules that need context a corpus may or may not carry: the topic rules
// fire only where an article title is known and the name rules only where a
// name is, so their presence in a corpus tells which corpus it is, not
// whether a comment is spam (with titles only on ham sources, a model learned
// OFF_TOPIC as a sign of ham). They count by their own scores alone.
bool IsModelFeature(std::string_view symbol);

// `re` itself, once it is known to compile: a rule's pattern that does not
// is a programming error, and the process stops naming it (so that every
// test that runs the rules fails) instead of matching nothing.
const RE2& Checked(const RE2& re);
// Options of the rules' larger patterns: a DFA budget that fits their
// alternations of phrases (RE2's default makes them fall back to slower
// matching on long texts).
const RE2::Options& RuleOptions();

// Finds the first match of `re` in `text`; on success `*match` (when given)
// is the whole matched text, whatever groups the pattern has. `re` must be a
// static: on the text RunAll judges, patterns are known by address (below).
bool Find(std::string_view text, const RE2& re, std::string_view* match = nullptr);

// One pass for the rule patterns (prefilter.cc). While a scope lives on
// this thread, `text` has been scanned once with a vectorscan database of
// the rule patterns met so far, and MayMatch(text, re) is false when `re`
// cannot match it; for any other text, or a pattern not yet in the
// database, it is true. Find consults it; a rule that calls RE2 directly on
// the folded body asks it first.
class PrefilterScope {
 public:
  explicit PrefilterScope(std::string_view text);
  ~PrefilterScope();
  PrefilterScope(const PrefilterScope&) = delete;
  PrefilterScope& operator=(const PrefilterScope&) = delete;

 private:
  bool owner_ = false;
};
bool MayMatch(std::string_view text, const RE2& re);

// kOff runs every pattern with RE2 (the environment's
// TRIBUNE_SPAM_PREFILTER=off); kVerify runs RE2 where the prefilter said no
// and counts the times RE2 matched (=verify; always 0 unless vectorscan and
// RE2 disagree).
enum class PrefilterMode { kOn, kOff, kVerify };
void SetPrefilterMode(PrefilterMode mode);
size_t PrefilterMisses();
// Waits until the database holds every pattern met so far (it is built in
// the background; for tests and benchmarks).
void AwaitPrefilter();

// Shortens evidence to at most `max` bytes at a UTF-8 boundary.
std::string Clip(std::string_view s, size_t max = 60);
// The same, keeping the end of `s`.
std::string ClipTail(std::string_view s, size_t max = 60);

}  // namespace tribune::spam::signals
