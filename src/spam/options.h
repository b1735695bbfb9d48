// Engine configuration. Every number a site may want to change lives here;
// each field documents its default.
#pragma once

#include <map>
#include <string>

#include "spam/symbols.h"

namespace tribune::spam {

struct EngineOptions {
  // Score thresholds, compared with Verdict::score (log-odds units: the model
  // contributes its log-odds, rules add theirs). score < hold_at publishes.
  double hold_at = 1.75;     // default 1.75
  double spam_at = 5.0;      // default 5.0
  double discard_at = 12.0;  // default 12.0

  // The model's log-odds are clamped to [model_min, model_max]. The low end
  // is small so that a text the model finds innocent cannot cancel strong
  // rules (a keyword anchor, a link in the name). Defaults -1 and 10.
  double model_min = -1.0;
  double model_max = 4.0;

  // The most that disguise evidence (styled, look-alike, invisible and
  // spaced letters: the rules plus the model's weights on them) adds to a
  // score. Dressed-up letters are common in ordinary comments too (fancy
  // fonts, decorated names); only what the disguise hides (links, gambling
  // words, brand names) should push a comment to spam. Default 2.0.
  double disguise_cap = 2.0;

  // The most the model's learned weight on any one rule (SELF_PROMOTION,
  // LIKE_BAIT, ...) adds to or takes from a score, on top of the rule's own
  // score. The training corpora are video and SMS spam, where a phrase such
  // as "please subscribe" is nearly always spam; on a news site the same
  // phrase is rarer and less certain. The cap keeps one phrase from turning
  // a reader's comment into spam unseen: with it, such a comment is held for
  // a moderator. Default 3.0.
  double rule_weight_cap = 3.0;

  // The site's language (ISO 639-1, e.g. "en"): LANGUAGE_MISMATCH compares a
  // Latin-script comment with it when the article's own language is unsure.
  // Empty: only the article's.
  std::string site_language;

  // Near-duplicate matching: estimated Jaccard similarity of character
  // 4-gram shingles to any member of a campaign at or above which a new
  // comment joins it. Spun templates that swap a word in five land around
  // 0.5; unrelated comments of 40+ characters stay under 0.3. Default 0.4.
  double campaign_similarity = 0.4;
  // Texts with fewer normalised characters than this are never matched
  // against campaigns by their words (short texts collide by chance); their
  // artifacts still count. Default 40.
  int campaign_min_chars = 40;
  // The similarity at which a moderator's campaign decision sweeps recent
  // comments into the campaign. Lower than campaign_similarity: the sweep
  // runs once, over comments a moderator then sees listed, and every comment
  // it takes becomes a member that reaches further into a spun template.
  // Default 0.3 (a spun tech-support template: 29% of variant pairs).
  double campaign_sweep_similarity = 0.3;

  // Directory with the word lists (disposable_domains.txt, bad_domains.txt,
  // suspicious_tlds.txt, patterns.txt). Empty = the model file's directory.
  std::string lists_dir;

  // Per-symbol changes to the default symbol table (data/spam/symbols.toml):
  // a new score and/or group. A score of 0 disables the rule. An unknown
  // symbol makes Engine::Load fail.
  std::map<std::string, SymbolOverride> symbols;
};

}  // namespace tribune::spam
