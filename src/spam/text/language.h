// Which language a Latin-script text is written in, from its function words
// (articles, pronouns, prepositions, conjunctions): short, frequent words
// that a comment cannot avoid and that differ between languages. Texts in
// other scripts are told apart by their script (text/scripts.h).
#pragma once

#include <string_view>

namespace tribune::spam::text {

struct LanguageGuess {
  std::string_view code;  // ISO 639-1 ("en", "id", ...); empty: not sure
  double hits = 0;        // function words counted for it (shared words split)
  int words = 0;          // words looked at
};

// Guesses from case-folded text. Unsure (empty code) under `min_hits`
// function words, or when the runner-up is within a third of the best.
LanguageGuess GuessLanguage(std::string_view folded_text, double min_hits = 3.0);

// Whether a case-folded word is a function word of one of the languages
// above or of Russian: words that say nothing of what a text is about, and
// that an explanation of a verdict leaves out.
bool IsFunctionWord(std::string_view folded_word);

}  // namespace tribune::spam::text
