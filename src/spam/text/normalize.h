// Text normalisation for spam checks: undoes the tricks that make one word
// look like many (styled letters, look-alikes, invisible characters, spaced
// letters, leetspeak) and counts each trick, because using one is a signal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spam/text/scripts.h"

namespace tribune::spam::text {

struct NormalizedText {
  // NFKC-casefolded words joined by single spaces, look-alike letters in
  // mixed-script words folded to Latin, spaced letter runs joined.
  std::string text;
  std::vector<std::string> words;
  // Extra spellings worth matching: leetspeak folded ("c4s1n0" -> "casino").
  std::vector<std::string> variants;

  int code_points = 0;         // in the input
  int invisible_in_word = 0;   // default-ignorable/bidi chars between letters
  int styled_chars = 0;        // mathematical, enclosed, fullwidth, small-cap letters
  int mixed_script_words = 0;  // Latin mixed with Cyrillic/Greek in one word
  int spaced_runs = 0;         // "c a s i n o" style runs
  int lines = 0;
  ScriptCounts scripts;        // letters per script, after folding
  std::string mixed_example;   // first mixed-script word, as written
  std::string spaced_example;  // first joined run
  std::string styled_example;  // first styled run, as written
  // The first styled word that mixes letters and digits ("𝐁𝐀𝐍𝐃𝐀𝐑𝟑𝟖𝟖",
  // "ⒺⓂⓅⓊ①③⑧"), as written: how betting brands dodge word filters.
  std::string styled_brand;
};

// Thread-safe; `utf8` may contain invalid bytes (they become U+FFFD).
NormalizedText Normalize(std::string_view utf8);

// Fills the disguise counters of `out` (code_points, invisible_in_word,
// styled_chars, styled_example) from `utf8` as written: for callers that
// normalise a cleaned copy but must judge the original.
void CountDisguises(std::string_view utf8, NormalizedText* out);

// NFKC casefold plus invisible-character stripping, without word splitting:
// what URL extraction and patterns run on. In words written mostly in
// Cyrillic, Latin look-alikes become Cyrillic ("пpивет" -> "привет").
std::string FoldForMatching(std::string_view utf8);

// NFKC only (case kept) with invisible characters removed.
std::string CleanNfkc(std::string_view utf8);

}  // namespace tribune::spam::text
