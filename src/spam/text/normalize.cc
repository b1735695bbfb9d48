#include "spam/text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace tribune::spam::text {
namespace {

// Runs of at least this many single letters separated by spaces are joined.
constexpr int kMinSpacedRun = 4;
// A run is letters spelled out only with three letters in it: "a 4 x 6" is
// a size and "1 2 3 4" a count; they are joined but not counted as a run.
constexpr int kMinSpacedLetters = 3;

bool IsInvisible(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL) || u_charType(c) == U_FORMAT_CHAR;
}

// Letters drawn from "styled" blocks that NFKC folds back to plain ones.
bool IsStyled(UChar32 c) {
  return (c >= 0x1D400 && c <= 0x1D7FF) ||              // mathematical alphanumerics
         (c >= 0x2460 && c <= 0x24FF) ||                // enclosed alphanumerics
         (c >= 0x1F100 && c <= 0x1F1E5) ||              // enclosed supplement, no flags
         (c >= 0xFF10 && c <= 0xFF5A) ||                // fullwidth letters/digits
         (c >= 0x1D00 && c <= 0x1D2B) ||                // small capitals
         (c >= 0x2070 && c <= 0x209F && u_isalnum(c)) ||  // super/subscripts
         (c >= 0x2100 && c <= 0x214F && u_isalpha(c));    // letterlike (ℙℝℂ ℋ ℓ)
}

// Combining marks that no orthography writes but "fancy text" generators put
// on every letter: underlines and overlines (P͟U͟L͟A͟U͟), strokes, arrows
// and crosses below (P͎U͎L͎), the Cyrillic millions sign (P҉U҉), enclosing
// circles. The accents of real languages (U+0300-U+0331) are not among them.
bool IsDecorativeMark(UChar32 c) {
  if (c < 0x0332) return false;
  return (c >= 0x0332 && c <= 0x0338) || (c >= 0x033A && c <= 0x033F) ||
         (c >= 0x0346 && c <= 0x034E) || (c >= 0x0350 && c <= 0x0362 && c != 0x0358) ||
         c == 0x0488 || c == 0x0489 || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x20D0 && c <= 0x20F0) || (c >= 0xFE20 && c <= 0xFE2F);
}

bool IsAsciiAlnum(UChar32 c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The keycap mark (1️⃣): removed, but common in ordinary lists, so not counted.
constexpr UChar32 kKeycap = 0x20E3;

// The number a dingbat circled digit shows (❶ ➀ ➊: 1 to 10), 0 for others:
// NFKC leaves them as they are.
int DingbatDigit(UChar32 c) {
  for (UChar32 first : {0x2776, 0x2780, 0x278A}) {
    if (c >= first && c < first + 10) return static_cast<int>(c - first) + 1;
  }
  return 0;
}

// Removes the decorative marks and keycaps that normalisation itself made
// (NFKC turns "‗" into a space and U+0333), normalising again when one went,
// so that folding twice gives what folding once did.
void DropDecorative(icu::UnicodeString* s, const icu::Normalizer2& normalizer) {
  icu::UnicodeString kept;
  bool dropped = false;
  for (int32_t i = 0; i < s->length(); i = s->moveIndex32(i, 1)) {
    UChar32 c = s->char32At(i);
    if (c >= 0x0332 && (IsDecorativeMark(c) || c == kKeycap)) {
      dropped = true;
      continue;
    }
    kept.append(c);
  }
  if (!dropped) return;
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString again = normalizer.normalize(kept, err);
  *s = U_SUCCESS(err) ? again : kept;
}

const icu::Normalizer2& Nfkc() {
  UErrorCode err = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFKCInstance(err);
}

const icu::Normalizer2& NfkcCasefold() {
  UErrorCode err = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFKCCasefoldInstance(err);
}

const USpoofChecker* Spoof() {
  static USpoofChecker* checker = [] {
    UErrorCode err = U_ZERO_ERROR;
    return uspoof_open(&err);
  }();
  return checker;
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Removes invisible characters, counting those that split a word and the
// styled letters seen on the way.
icu::UnicodeString StripInvisible(const icu::UnicodeString& in, NormalizedText* stats) {
  icu::UnicodeString out;
  UChar32 prev = 0;
  std::string styled_run;
  // The word being read (letters and digits, styled or not): a brand when
  // at least two are styled and it mixes letters with digits ("𝐊𝐘𝐓4𝐃").
  int word_letters = 0, word_digits = 0, word_styled = 0;
  bool after_four = false, lottery_end = false;  // "…4", "…4D"
  int32_t pos = 0, word_start = -1, word_end = 0;  // the word is in[word_start, word_end)
  icu::UnicodeString plain_buffer;
  auto end_word = [&] {
    // Two digits at least, or the lottery's "4D": Indonesian writes a doubled
    // word with a 2 ("kali2", "hati2"), in fancy letters too.
    if (stats && word_styled >= 2 && word_letters >= 2 && (word_digits >= 2 || lottery_end) &&
        stats->styled_brand.empty()) {
      in.tempSubStringBetween(word_start, std::min(word_end, word_start + 40))
          .toUTF8String(stats->styled_brand);
    }
    word_letters = word_digits = word_styled = 0;
    after_four = lottery_end = false;
    word_start = -1;
  };
  auto in_word = [&](UChar32 c, bool digit) {
    ++(digit ? word_digits : word_letters);
    if (word_start < 0) word_start = pos;
    word_end = in.moveIndex32(pos, 1);
    UChar32 plain = c;  // what a styled digit or letter stands for, where it matters
    if (c >= 0x80 && (digit || after_four) && Nfkc().getDecomposition(c, plain_buffer) &&
        plain_buffer.length() == 1) {
      plain = plain_buffer.char32At(0);
    }
    lottery_end = after_four && (plain == 'd' || plain == 'D');
    after_four = digit && (plain == '4' || u_charDigitValue(plain) == 4);
  };
  auto styled = [&](UChar32 c, bool digit) {
    ++stats->styled_chars;
    if (stats->styled_example.empty() && styled_run.size() < 40) {
      icu::UnicodeString(c).toUTF8String(styled_run);
    }
    ++word_styled;
    in_word(c, digit);
  };
  for (int32_t i = 0; i < in.length(); i = in.moveIndex32(i, 1)) {
    UChar32 c = in.char32At(i);
    pos = i;
    if (stats) ++stats->code_points;
    if (c >= 0x0332 && (IsDecorativeMark(c) || c == kKeycap)) continue;  // counted on its letter
    int32_t next = in.moveIndex32(i, 1);
    if (stats && u_isalnum(c) && next < in.length() && IsDecorativeMark(in.char32At(next))) {
      // A letter dressed with marks is a styled letter, its mark dropped.
      styled(c, u_isdigit(c));
      out.append(c);
      prev = c;
      continue;
    }
    if (int digit = c >= 0x2776 ? DingbatDigit(c) : 0) {
      if (stats) styled(c, true);
      out.append(icu::UnicodeString::fromUTF8(std::to_string(digit)));
      prev = '0';
      continue;
    }
    if (c < 0x80) {  // nothing in ASCII is invisible or styled
      if (IsAsciiAlnum(c)) {
        in_word(c, c <= '9');
      } else {
        end_word();
      }
      if (stats && !styled_run.empty() && stats->styled_example.empty()) {
        if (c == ' ') {
          styled_run += ' ';
        } else {
          stats->styled_example = styled_run;
        }
      }
      out.append(static_cast<char16_t>(c));
      prev = c;
      continue;
    }
    if (IsInvisible(c)) {
      int32_t j = in.moveIndex32(i, 1);
      if (stats && j < in.length() && u_isalnum(prev) && u_isalnum(in.char32At(j))) {
        ++stats->invisible_in_word;
      }
      continue;
    }
    if (stats && IsStyled(c)) {
      styled(c, !u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
    } else {
      if (u_isalnum(c)) {
        in_word(c, u_isdigit(c));
      } else {
        end_word();
      }
      if (stats && !styled_run.empty() && stats->styled_example.empty()) {
        if (u_isspace(c)) {
          styled_run += ' ';
        } else {
          stats->styled_example = styled_run;
        }
      }
    }
    out.append(c);
    prev = c;
  }
  end_word();
  if (stats && stats->styled_example.empty()) stats->styled_example = styled_run;
  if (stats) {
    while (!stats->styled_example.empty() && stats->styled_example.back() == ' ') {
      stats->styled_example.pop_back();
    }
  }
  return out;
}

// The Latin letter a non-Latin letter imitates (Cyrillic "а" -> "a", Canadian
// syllabic "ᑯ" -> "d"), or 0 when its confusable skeleton is not a single
// ASCII letter.
UChar32 LatinLookalike(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString skel;
  uspoof_getSkeletonUnicodeString(Spoof(), 0, icu::UnicodeString(c), skel, &err);
  if (U_FAILURE(err) || skel.length() != 1 || skel[0] >= 0x80 || !u_isalpha(skel[0])) return 0;
  return u_tolower(skel[0]);
}

// Folds look-alike letters of a mixed-script word to Latin, one letter at
// a time so that Latin letters stay readable.
icu::UnicodeString FoldLookalikes(const icu::UnicodeString& word) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    UChar32 latin = ScriptOf(c) == Script::kLatin || !u_isalpha(c) ? 0 : LatinLookalike(c);
    out.append(latin ? latin : c);
  }
  return out;
}

// A word that mixes Latin letters with letters of another script made to
// look Latin: Cyrillic or Greek, or rarer scripts whose letters imitate
// Latin ones ("gooᑯ"). A Latin word glued to a Korean one is not a disguise
// and stays as written. Letters that ICU's confusable data does not map
// (Tai Le "ᥲ") cannot be told from a real script and stay as written too.
// A Cyrillic word with Greek look-alikes in it ("κοму") is one too: Greek
// is not written with Cyrillic letters.
bool IsMixedScript(const icu::UnicodeString& word) {
  bool latin = false, rare = false, cyrillic = false, greek = false;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    Script s = ScriptOf(c);
    latin |= s == Script::kLatin;
    cyrillic |= s == Script::kCyrillic;
    greek |= s == Script::kGreek;
    rare |= s == Script::kOther && u_isalpha(c);
  }
  if (!latin) return cyrillic && greek;
  if (cyrillic || greek) return true;
  for (int32_t i = 0; rare && i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    if (ScriptOf(c) == Script::kOther && u_isalpha(c) && LatinLookalike(c) != 0) return true;
  }
  return false;
}

// "c4s1n0" -> "casino"; empty when the word is not leetspeak.
std::string FoldLeet(const std::string& w) {
  int letters = 0, digits = 0;
  for (char ch : w) {
    if (ch >= 'a' && ch <= 'z') ++letters;
    if (ch >= '0' && ch <= '9') ++digits;
  }
  if (letters < 2 || digits == 0 || letters + digits != static_cast<int>(w.size())) return {};
  std::string out = w;
  for (char& ch : out) {
    switch (ch) {
      case '0':
        ch = 'o';
        break;
      case '1':
        ch = 'i';
        break;
      case '3':
        ch = 'e';
        break;
      case '4':
        ch = 'a';
        break;
      case '5':
        ch = 's';
        break;
      case '7':
        ch = 't';
        break;
      default:
        break;
    }
  }
  for (char ch : out) {
    if (ch >= '0' && ch <= '9') return {};
  }
  return out;
}

// Spaced-out letters are separated by one kind of spacer throughout:
// "c a s i n o", "s.l.o.t", "b-o-n-u-s".
bool SpacedContinues(UChar32 sep, UChar32 run_sep) {
  bool spacer = sep == ' ' || sep == '.' || sep == '-' || sep == '_' || sep == '*' || sep == 0xB7;
  return spacer && sep == run_sep;
}

// One letter of an alphabet, or a digit. Syllabic and ideographic scripts
// (Hangul, Han, kana) put spaces between single characters for emphasis
// or laughter ("ㅋ ㅋ ㅋ"), so their runs are not spaced-out words.
bool IsSpellableLetter(const icu::UnicodeString& w) {
  if (w.countChar32() != 1) return false;
  UChar32 c = w.char32At(0);
  Script s = ScriptOf(c);
  return u_isdigit(c) || s == Script::kLatin || s == Script::kCyrillic || s == Script::kGreek;
}

struct RawWord {
  icu::UnicodeString text;
  std::string ascii;  // the word, on the ASCII path
  // The separator before the word when it is one character (or two equal
  // ones), else 0: spaced-out words use one separator throughout.
  UChar32 sep_char = 0;
  // The separator before the word when it is a short decoration
  // ("░ ░", "】【", " ★ "), else empty: "░P░ ░U░ ░L░", "【H】【o】【k】【i】".
  icu::UnicodeString sep_text;
};

// Block elements, geometric shapes, symbols, dingbats, CJK brackets,
// bullets and pictographs: what letters are boxed or strung with.
bool IsDecoration(UChar32 c) {
  return (c >= 0x2580 && c <= 0x27BF) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0x3014 && c <= 0x301B) || c == 0x2022 || c == 0x2219 || c == 0x00B7 ||
         (c >= 0x1F300 && c <= 0x1FAFF);
}

// A separator of up to four characters, spaces and decorations only, with
// at least one decoration: the same string between every letter of a run
// joins it (commas and other punctuation do not: "a, b, c, d" is a list).
bool IsDecorativeSeparator(const icu::UnicodeString& sep) {
  if (sep.isEmpty() || sep.countChar32() > 4) return false;
  bool decoration = false;
  for (int32_t i = 0; i < sep.length(); i = sep.moveIndex32(i, 1)) {
    UChar32 c = sep.char32At(i);
    if (IsDecoration(c)) {
      decoration = true;
    } else if (c != ' ' && c != 0xFE0F) {
      return false;
    }
  }
  return decoration;
}

std::vector<RawWord> SplitWords(const icu::UnicodeString& s) {
  std::vector<RawWord> words;
  RawWord cur;
  int sep = 0;
  UChar32 sep_char = 0;
  icu::UnicodeString sep_text;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    bool word_char =
        u_isalnum(c) || (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK);
    if (word_char) {
      if (cur.text.isEmpty()) {
        cur.sep_char = sep <= 2 ? sep_char : 0;
        if (IsDecorativeSeparator(sep_text)) cur.sep_text = sep_text;
      }
      cur.text.append(c);
      continue;
    }
    if (!cur.text.isEmpty()) {
      words.push_back(std::move(cur)), cur = RawWord{}, sep = 0, sep_char = 0;
      sep_text.remove();
    }
    sep_char = sep == 0 || c == sep_char ? c : 0;
    if (sep_text.length() < 16) sep_text.append(c);
    ++sep;
  }
  if (!cur.text.isEmpty()) words.push_back(std::move(cur));
  return words;
}

// Single digits between dots (raw[i, j), i + 1 < j) are a version or an
// address ("0.6.5.9"), not spaced-out letters.
bool DottedDigits(const std::vector<RawWord>& raw, size_t i, size_t j) {
  if (raw[i + 1].sep_char != '.') return false;
  for (size_t k = i; k < j; ++k) {
    const RawWord& w = raw[k];  // ASCII path: `ascii`; else `text`
    bool digit = w.ascii.empty() ? u_isdigit(w.text.char32At(0)) != 0
                                 : (w.ascii[0] >= '0' && w.ascii[0] <= '9');
    if (!digit) return false;
  }
  return true;
}

// Joins runs of single letters ("c a s i n o") into one word.
std::vector<icu::UnicodeString> JoinSpaced(std::vector<RawWord>& raw, NormalizedText* out) {
  std::vector<icu::UnicodeString> words;
  size_t i = 0;
  while (i < raw.size()) {
    size_t j = i;
    while (j < raw.size() && IsSpellableLetter(raw[j].text) &&
           (j == i || SpacedContinues(raw[j].sep_char, raw[i + 1].sep_char) ||
            (!raw[i + 1].sep_text.isEmpty() && raw[j].sep_text == raw[i + 1].sep_text))) {
      ++j;
    }
    if (j - i >= kMinSpacedRun && DottedDigits(raw, i, j)) {
      // The whole run at once: from each of its digits the rest would be
      // rescanned, quadratic in a long "1.1.1.1…".
      for (; i < j; ++i) words.push_back(raw[i].text);
    } else if (j - i >= kMinSpacedRun) {
      icu::UnicodeString joined;
      int letters = 0;
      for (size_t k = i; k < j; ++k) {
        joined.append(raw[k].text);
        letters += u_isalpha(raw[k].text.char32At(0)) != 0;
      }
      if (letters >= kMinSpacedLetters) {
        ++out->spaced_runs;
        if (out->spaced_example.empty()) out->spaced_example = ToUtf8(joined);
      }
      words.push_back(joined);
      i = j;
    } else {
      words.push_back(raw[i].text);
      ++i;
    }
  }
  return words;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// ASCII input needs no Unicode machinery: NFKC is the identity, case
// folding is lower-casing, nothing is invisible, styled or mixed-script.
std::vector<RawWord> SplitAsciiWords(std::string_view s) {
  std::vector<RawWord> words;
  size_t i = 0;
  while (i < s.size()) {
    int sep = 0;
    char sep_char = 0;
    while (i < s.size() && !IsAlnum(s[i])) {
      sep_char = sep == 0 || s[i] == sep_char ? s[i] : 0;
      ++sep, ++i;
    }
    if (i == s.size()) break;
    size_t start = i;
    while (i < s.size() && IsAlnum(s[i])) ++i;
    RawWord w;
    w.ascii.reserve(i - start);
    for (size_t k = start; k < i; ++k) w.ascii += Lower(s[k]);
    w.sep_char = sep <= 2 ? sep_char : 0;
    words.push_back(std::move(w));
  }
  return words;
}

void NormalizeAscii(std::string_view utf8, NormalizedText* out) {
  out->code_points = static_cast<int>(utf8.size());
  std::vector<RawWord> raw = SplitAsciiWords(utf8);
  auto emit = [out](std::string word) {
    for (char c : word) out->scripts.letters[0] += c >= 'a' && c <= 'z';
    if (std::string leet = FoldLeet(word); !leet.empty()) out->variants.push_back(std::move(leet));
    if (!out->text.empty()) out->text += ' ';
    out->text += word;
    out->words.push_back(std::move(word));
  };
  size_t i = 0;
  while (i < raw.size()) {
    size_t j = i;
    while (j < raw.size() && raw[j].ascii.size() == 1 &&
           (j == i || SpacedContinues(raw[j].sep_char, raw[i + 1].sep_char))) {
      ++j;
    }
    if (j - i >= kMinSpacedRun && DottedDigits(raw, i, j)) {
      // The whole run at once: from each of its digits the rest would be
      // rescanned, quadratic in a long "1.1.1.1…".
      for (; i < j; ++i) emit(std::move(raw[i].ascii));
    } else if (j - i >= kMinSpacedRun) {
      std::string word;
      int letters = 0;
      for (size_t k = i; k < j; ++k) {
        word += raw[k].ascii;
        letters += raw[k].ascii[0] >= 'a' && raw[k].ascii[0] <= 'z';
      }
      if (letters >= kMinSpacedLetters) {
        ++out->spaced_runs;
        if (out->spaced_example.empty()) out->spaced_example = word;
      }
      emit(std::move(word));
      i = j;
    } else {
      emit(std::move(raw[i++].ascii));
    }
  }
}

// The Cyrillic letter a Latin look-alike stands for in a Russian word
// ("пapтнepoв", "тopгoвлu"), or 0. Lower case: the text is case-folded.
UChar32 CyrillicTwin(UChar32 c) {
  switch (c) {
    case 'a': return 0x0430;  // а
    case 'b': return 0x0432;  // в
    case 'c': return 0x0441;  // с
    case 'e': return 0x0435;  // е
    case 'h': return 0x043D;  // н
    case 'k': return 0x043A;  // к
    case 'm': return 0x043C;  // м
    case 'n': return 0x043F;  // п
    case 'o': return 0x043E;  // о
    case 'p': return 0x0440;  // р
    case 'r': return 0x0433;  // г
    case 't': return 0x0442;  // т
    case 'u': return 0x0438;  // и
    case 'x': return 0x0445;  // х
    case 'y': return 0x0443;  // у
    default: return 0;
  }
}

// The Cyrillic letter a Greek look-alike stands for ("зαpαбοтαть"), or 0.
UChar32 CyrillicTwinOfGreek(UChar32 c) {
  switch (c) {
    case 0x03B1: return 0x0430;  // α а
    case 0x03B5: return 0x0435;  // ε е
    case 0x03BA: return 0x043A;  // κ к
    case 0x03BC: return 0x043C;  // μ м
    case 0x03BF: return 0x043E;  // ο о
    case 0x03C0: return 0x043F;  // π п
    case 0x03C1: return 0x0440;  // ρ р
    case 0x03C4: return 0x0442;  // τ т
    case 0x03C7: return 0x0445;  // χ х
    default: return 0;
  }
}

UChar32 CyrillicTwinOf(UChar32 c) { return c < 0x80 ? CyrillicTwin(c) : CyrillicTwinOfGreek(c); }

// Whether a text is Russian (or another Cyrillic language) with look-alike
// letters mixed in, rather than English ("Еаrn mоnеy") with Cyrillic letters
// slipped into its words: more Cyrillic letters than Latin and Greek ones,
// or, where the look-alikes outnumber them, words wholly Cyrillic among
// mostly Cyrillic words. Handles, hashtags and the parts of addresses
// ("@ivan_smlv1", "#tag", "site.ru/x") are names, not the text's words, and
// do not vote: a Russian advert ending in a Latin handle is still Russian.
bool ReadsAsCyrillic(const icu::UnicodeString& s) {
  int32_t n = s.length();
  int cyrillic_letters = 0, other_letters = 0, pure = 0, cyrillic_words = 0, other_words = 0;
  UChar32 before = ' ';
  for (int32_t i = 0; i < n;) {
    if (!u_isalpha(s.char32At(i))) {
      before = s.char32At(i);
      i = s.moveIndex32(i, 1);
      continue;
    }
    bool name = before == '@' || before == '#' || before == '_' || before == '.' || before == '/' ||
                u_isdigit(before);
    int cyrillic = 0, other = 0;
    for (; i < n && u_isalpha(s.char32At(i)); i = s.moveIndex32(i, 1)) {
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(s.char32At(i), &err);
      cyrillic += script == USCRIPT_CYRILLIC;
      other += script == USCRIPT_LATIN || script == USCRIPT_GREEK;
    }
    if (i < n) {
      UChar32 after = s.char32At(i);
      name = name || after == '_' || after == '@' || u_isdigit(after) ||
             (after == '.' && i + 1 < n && u_isalpha(s.char32At(i + 1)));
    }
    if (name) continue;
    cyrillic_letters += cyrillic;
    other_letters += other;
    pure += cyrillic > 0 && other == 0;
    cyrillic_words += cyrillic > 0;
    other_words += other > 0 && cyrillic == 0;
  }
  if (cyrillic_letters == 0) return false;
  return cyrillic_letters > other_letters || (pure >= 2 && cyrillic_words >= 2 * other_words);
}

bool HasCyrillic(const icu::UnicodeString& word) {
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UErrorCode err = U_ZERO_ERROR;
    if (uscript_getScript(word.char32At(i), &err) == USCRIPT_CYRILLIC) return true;
  }
  return false;
}

// The Latin and Greek look-alikes of a word become their Cyrillic twins.
icu::UnicodeString FoldToCyrillic(const icu::UnicodeString& word) {
  icu::UnicodeString out;
  for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
    UChar32 c = word.char32At(i);
    UChar32 twin = ScriptOf(c) == Script::kLatin || ScriptOf(c) == Script::kGreek ? CyrillicTwinOf(c) : 0;
    out.append(twin ? twin : c);
  }
  return out;
}

// Words that mix Cyrillic with Latin or Greek letters are folded one way:
// in a Russian text the look-alikes become the Cyrillic letters they imitate
// ("пapтнepoв", "oт 25000 $/мec"), as does a one-letter word ("b" for "в"),
// so that Russian phrases match however their letters were mixed; in any
// other text the Cyrillic look-alikes become Latin ("mеssаgе" -> "message").
void FoldMixedWords(icu::UnicodeString* s) {
  if (!HasCyrillic(*s)) return;  // no word mixes Cyrillic in, and none reads as Russian
  bool russian = ReadsAsCyrillic(*s);
  int32_t n = s->length();
  int32_t i = 0;
  icu::UnicodeString out;
  bool changed = false;
  while (i < n) {
    UChar32 c = s->char32At(i);
    if (!u_isalpha(c)) {
      out.append(c);
      i += U16_LENGTH(c);
      continue;
    }
    int32_t start = i, cyrillic = 0, latin = 0, twins = 0;
    while (i < n && u_isalpha(s->char32At(i))) {
      UChar32 w = s->char32At(i);
      UErrorCode err = U_ZERO_ERROR;
      UScriptCode script = uscript_getScript(w, &err);
      cyrillic += script == USCRIPT_CYRILLIC;
      if (script == USCRIPT_LATIN || script == USCRIPT_GREEK) {
        ++latin;
        twins += CyrillicTwinOf(w) != 0;
      }
      i += U16_LENGTH(w);
    }
    icu::UnicodeString word = s->tempSubStringBetween(start, i);
    bool lone_twin = russian && cyrillic == 0 && latin == 1 && twins == 1 && i - start == 1;
    if (russian && ((cyrillic > 0 && latin > 0) || lone_twin) &&
        (latin <= cyrillic || twins == latin)) {
      out.append(FoldToCyrillic(word));
      changed = true;
    } else if (!russian && cyrillic > 0 && latin > 0) {
      out.append(FoldLookalikes(word));
      changed = true;
    } else {
      out.append(word);
    }
  }
  if (changed) *s = out;
}

// Small capitals, which NFKC leaves as they are, read as the letters they
// show: Latin ones as Latin ("ɢʀᴏᴡ ᴀ ʜᴇᴀʟᴛʜʏ"), Greek and Cyrillic ones as
// the Cyrillic letters they stand for in styled Russian ("ᴨᴩиниʍᴀᴇᴛ"); a
// few IPA letters do so too inside a word that holds Cyrillic letters
// (ʍ м, ɜ з, ɯ ш, ɸ ф). The disguise itself is counted before (IsStyled).
UChar32 SmallCapital(UChar32 c) {
  switch (c) {
    case 0x1D00: return 'a';
    case 0x0299: return 'b';
    case 0x1D04: return 'c';
    case 0x1D05: return 'd';
    case 0x1D07: return 'e';
    case 0xA730: return 'f';
    case 0x0262: return 'g';
    case 0x029C: return 'h';
    case 0x026A: return 'i';
    case 0x1D0A: return 'j';
    case 0x1D0B: return 'k';
    case 0x029F: return 'l';
    case 0x1D0D: return 'm';
    case 0x0274: return 'n';
    case 0x1D0F: return 'o';
    case 0x1D18: return 'p';
    case 0x0280: return 'r';
    case 0xA731: return 's';
    case 0x1D1B: return 't';
    case 0x1D1C: return 'u';
    case 0x1D20: return 'v';
    case 0x1D21: return 'w';
    case 0x028F: return 'y';
    case 0x1D22: return 'z';
    case 0x1D26: return 0x0433;  // ᴦ г
    case 0x1D27: return 0x043B;  // ᴧ л
    case 0x1D28: return 0x043F;  // ᴨ п
    case 0x1D29: return 0x0440;  // ᴩ р
    case 0x1D2B: return 0x043B;  // ᴫ л
    default: return 0;
  }
}

UChar32 CyrillicOfIpa(UChar32 c) {
  switch (c) {
    case 0x028D: return 0x043C;  // ʍ м
    case 0x025C: return 0x0437;  // ɜ з
    case 0x026F: return 0x0448;  // ɯ ш
    case 0x0278: return 0x0444;  // ɸ ф
    default: return 0;
  }
}

void FoldSmallCapitals(icu::UnicodeString* s) {
  int32_t n = s->length();
  bool any = false;
  for (int32_t i = 0; i < n && !any; i = s->moveIndex32(i, 1)) {
    UChar32 c = s->char32At(i);
    any = SmallCapital(c) != 0 || CyrillicOfIpa(c) != 0;
  }
  if (!any) return;
  icu::UnicodeString out;
  for (int32_t i = 0; i < n;) {
    UChar32 c = s->char32At(i);
    if (!u_isalpha(c)) {
      out.append(c);
      i = s->moveIndex32(i, 1);
      continue;
    }
    int32_t start = i;
    bool cyrillic = false;
    for (; i < n && u_isalpha(s->char32At(i)); i = s->moveIndex32(i, 1)) {
      UChar32 w = s->char32At(i);
      UErrorCode err = U_ZERO_ERROR;
      UChar32 cap = SmallCapital(w);
      cyrillic |= (cap >= 0x0400 && cap <= 0x04FF) || uscript_getScript(w, &err) == USCRIPT_CYRILLIC;
    }
    for (int32_t j = start; j < i; j = s->moveIndex32(j, 1)) {
      UChar32 w = s->char32At(j);
      UChar32 cap = SmallCapital(w);
      UChar32 ipa = cyrillic ? CyrillicOfIpa(w) : 0;
      out.append(cap ? cap : ipa ? ipa : w);
    }
  }
  *s = out;
}


// A one-letter Latin word with a Cyrillic twin ("b" for "в").
bool LoneTwin(const icu::UnicodeString& word) {
  return word.countChar32() == 1 && ScriptOf(word.char32At(0)) == Script::kLatin &&
         CyrillicTwinOf(word.char32At(0)) != 0;
}


}  // namespace

NormalizedText Normalize(std::string_view utf8) {
  NormalizedText out;
  if (IsAscii(utf8)) {
    for (char ch : utf8) out.lines += ch == '\n';
    if (!utf8.empty()) ++out.lines;
    NormalizeAscii(utf8, &out);
    return out;
  }
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  for (char ch : utf8) out.lines += ch == '\n';
  if (!utf8.empty()) ++out.lines;
  icu::UnicodeString clean = StripInvisible(in, &out);
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString folded = NfkcCasefold().normalize(clean, err);
  if (U_FAILURE(err)) folded = clean.foldCase();
  DropDecorative(&folded, NfkcCasefold());
  FoldSmallCapitals(&folded);
  std::vector<RawWord> raw = SplitWords(folded);
  // Whether the text reads as Russian: asked only of a word that could fold to it.
  std::optional<bool> russian;
  auto reads_as_cyrillic = [&] {
    if (!russian) russian = ReadsAsCyrillic(folded);
    return *russian;
  };
  std::vector<icu::UnicodeString> words = JoinSpaced(raw, &out);
  for (icu::UnicodeString& w : words) {
    if (IsMixedScript(w)) {
      ++out.mixed_script_words;
      if (out.mixed_example.empty()) out.mixed_example = ToUtf8(w);
      // In a Russian text a disguised word reads as the Russian word it is.
      w = HasCyrillic(w) && reads_as_cyrillic() ? FoldToCyrillic(w) : FoldLookalikes(w);
    } else if (LoneTwin(w) && reads_as_cyrillic()) {
      w = FoldToCyrillic(w);
    }
    for (int32_t i = 0; i < w.length(); i = w.moveIndex32(i, 1)) {
      UChar32 c = w.char32At(i);
      Script s = ScriptOf(c);
      if (s != Script::kOther || u_isalpha(c)) ++out.scripts.letters[static_cast<int>(s)];
    }
    std::string u = ToUtf8(w);
    if (std::string leet = FoldLeet(u); !leet.empty()) out.variants.push_back(std::move(leet));
    if (!out.text.empty()) out.text += ' ';
    out.text += u;
    out.words.push_back(std::move(u));
  }
  return out;
}

void CountDisguises(std::string_view utf8, NormalizedText* out) {
  out->code_points = out->invisible_in_word = out->styled_chars = 0;
  out->styled_example.clear();
  out->styled_brand.clear();
  if (IsAscii(utf8)) {
    out->code_points = static_cast<int>(utf8.size());
    return;
  }
  StripInvisible(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), out);
}

std::string FoldForMatching(std::string_view utf8) {
  if (IsAscii(utf8)) {
    std::string out(utf8);
    for (char& c : out) c = Lower(c);
    return out;
  }
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString folded = NfkcCasefold().normalize(StripInvisible(in, nullptr), err);
  DropDecorative(&folded, NfkcCasefold());
  // Folding a letter can leave it beside a combining mark that normalising
  // composes with it ("ᴀ́" -> "á"), and the composed letter may fold again:
  // fold and normalise until nothing changes, so that folding twice gives
  // what folding once did.
  for (int round = 0; round < 4; ++round) {
    icu::UnicodeString before = folded;
    FoldSmallCapitals(&folded);
    FoldMixedWords(&folded);
    // Phones type a curly apostrophe ("i’ve"): the rules are written with '.
    folded.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
    if (folded == before) break;
    UErrorCode again = U_ZERO_ERROR;
    icu::UnicodeString normal = NfkcCasefold().normalize(folded, again);
    if (U_SUCCESS(again)) folded = normal;
  }
  return ToUtf8(folded);
}

std::string CleanNfkc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = Nfkc().normalize(StripInvisible(in, nullptr), err);
  DropDecorative(&n, Nfkc());
  return ToUtf8(n);
}

}  // namespace tribune::spam::text
