// Rules ("signals"): each looks at one aspect of a comment and, when it
// fires, adds a named symbol with a strength and the evidence it saw. The
// score of a symbol is its configured weight times the strength.
#pragma once

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

// Built-in symbols with their default scores and what they mean.
struct SymbolInfo {
  std::string_view symbol;
  double score;
  std::string_view description;
};
const std::vector<SymbolInfo>& BuiltinSymbols();

// Runs every rule; moderator patterns report their own score as strength
// relative to a weight of 1 (symbol listed with score 1 in BuiltinSymbols
// is not needed for them).
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

// Disguise symbols (styled, look-alike, invisible or spaced letters) show
// that a text was dressed up, not what it says. Together, with the model's
// weights on them, they add at most EngineOptions::disguise_cap.
bool IsDisguise(std::string_view symbol);

// Shortens evidence to at most `max` bytes at a UTF-8 boundary.
std::string Clip(std::string_view s, size_t max = 60);

}  // namespace tribune::spam::signals
