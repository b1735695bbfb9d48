#include "spam/text/language.h"

#include <array>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tribune::spam::text {
namespace {

struct Profile {
  std::string_view code;
  std::string_view words;  // space-separated, case-folded
};

// Common function words per language. A word in several lists counts for
// each of them in part.
constexpr std::array<Profile, 13> kProfiles = {{
    {"en", "the and of to is in that it for was with you this are have not be on they but what "
           "his her would there their will been which about from has just should could my your a "
           "i we our me he she them than if so do does did can when where who all after before "
           "now here always without between over"},
    {"es", "el la los las de que y en un una es por con para no se del al lo como pero más su "
           "sus este esta muy hay ya también porque está son yo tu mi usted ellos nosotros fue "
           "ser tiene puede cuando donde quien nada todo todos sin hasta desde sobre entre antes "
           "después ahora aquí siempre"},
    {"pt", "o a os as de que e do da dos das em um uma é não com para por se mais mas como isso "
           "muito está são também ele ela você eu tu nós eles meu seu foi ser ter tem fazer pode "
           "quando onde quem nada tudo todos sem até desde sobre entre antes depois agora aqui "
           "sempre aos às pelo pela"},
    {"fr", "le la les de des du et est un une que qui dans pour pas ne sur avec il elle ce cette "
           "sont mais plus nous vous ont très aussi je tu ils elles mon ton son était être avoir "
           "fait peut quand où rien tout tous sans depuis entre avant après maintenant ici "
           "toujours au aux"},
    {"de", "der die das und ist nicht ein eine zu den mit sich des auf für im dem auch es an "
           "werden wird aus er sie nur noch wie bei oder aber sind wir ich du ihr mein dein kein "
           "keine war hat haben hatte wenn dann weil dass schon sehr hier dort nach vor über "
           "unter zwischen gegen ohne um bis sollte hätte können kann muss"},
    {"it", "il la di che e è un una per non in del della sono con si ma come anche più questo "
           "questa nel gli le ho ha molto perché io tu lui lei noi voi loro mio suo era stato "
           "essere avere fatto ci vi mi ti lo alla alle dei delle nei sul sulla quando dove chi "
           "cosa tutto tutti niente prima dopo ancora già sempre qui adesso ora senza tra fra"},
    {"nl", "de het een en van is dat niet op te in zijn voor met die er maar ook als aan dit wat "
           "bij nog wel geen ik je we heb hebben was waren wordt worden kan moet zou zal naar "
           "uit om door over onder tussen zonder wanneer waar wie alles niets nu hier altijd al"},
    {"id", "yang dan di ini itu dengan untuk tidak dari dalam akan ada pada saya kami juga bisa "
           "sudah atau karena tapi lebih jika kita mereka hanya bagi agar gak aja belum sedang "
           "bukan adalah ialah oleh seperti sangat banyak semua kalau kapan siapa apa ke"},
    {"tr", "ve bir bu da de için ile çok ne daha gibi ama var olan olarak kadar sonra değil her "
           "ben sen biz mı mi"},
    {"pl", "i w nie na się z do to że jest o jak ale po co tak za od już tylko są czy przez dla "
           "jego ich"},
    {"vi", "và của là có không những được cho người một các này với trong đã để khi cũng như rất"},
    {"sv", "och att det som en på är av för med till den har inte om ett men jag var vi så"},
    {"tl", "ang ng sa na mga at ay hindi ko ito naman lang po ako mo siya kung para"},
}};

struct Index {
  std::unordered_map<std::string, std::vector<int>> langs_of;  // word -> profile indices
};

constexpr std::string_view kRussianFunctionWords =
    "и в не на я что он с как а то все она так его но да ты к у же вы за бы по только ее мне "
    "было вот от меня еще нет о из ему когда даже ну ли если уже или ни быть был него до вас "
    "вам ведь там потом себя ей может они тут где есть надо ней для мы тебя их чем была сам "
    "чтоб без чего раз тоже себе под будет ж тогда кто этот того потому этого какой ним здесь "
    "этом мой тем чтобы нее сейчас были куда при об после над больше тот через эти нас про "
    "всего них эту моя этой перед том им всегда между это";

const Index& TheIndex() {
  static const Index index = [] {
    Index ix;
    for (int i = 0; i < static_cast<int>(kProfiles.size()); ++i) {
      std::string_view w = kProfiles[i].words;
      size_t pos = 0;
      while (pos < w.size()) {
        size_t end = w.find(' ', pos);
        if (end == std::string_view::npos) end = w.size();
        if (end > pos) {
          auto& langs = ix.langs_of[std::string(w.substr(pos, end - pos))];
          if (langs.empty() || langs.back() != i) langs.push_back(i);
        }
        pos = end + 1;
      }
    }
    return ix;
  }();
  return index;
}

// A byte that is part of a word: ASCII letters and every non-ASCII byte
// (accented letters are multi-byte UTF-8).
bool WordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

}  // namespace

bool IsFunctionWord(std::string_view folded_word) {
  static const std::unordered_set<std::string> russian = [] {
    std::unordered_set<std::string> out;
    std::string_view w = kRussianFunctionWords;
    for (size_t pos = 0; pos < w.size();) {
      size_t end = w.find(' ', pos);
      if (end == std::string_view::npos) end = w.size();
      if (end > pos) out.emplace(w.substr(pos, end - pos));
      pos = end + 1;
    }
    return out;
  }();
  std::string word(folded_word);
  return TheIndex().langs_of.count(word) > 0 || russian.count(word) > 0;
}

LanguageGuess GuessLanguage(std::string_view text, double min_hits) {
  const Index& ix = TheIndex();
  std::array<double, kProfiles.size()> hits{};
  LanguageGuess guess;
  std::string word;
  std::unordered_set<std::string> seen;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !WordByte(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && WordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) break;
    ++guess.words;
    word.assign(text.substr(start, i - start));
    auto it = ix.langs_of.find(word);
    // Each function word counts once: "ha ha ha" is not Italian.
    if (it == ix.langs_of.end() || !seen.insert(word).second) continue;
    double share = 1.0 / static_cast<double>(it->second.size());
    for (int lang : it->second) hits[lang] += share;
  }
  int best = 0, second = -1;
  for (int l = 1; l < static_cast<int>(hits.size()); ++l) {
    if (hits[l] > hits[best]) {
      second = best;
      best = l;
    } else if (second < 0 || hits[l] > hits[second]) {
      second = l;
    }
  }
  guess.hits = hits[best];
  double runner_up = second >= 0 ? hits[second] : 0.0;
  if (hits[best] >= min_hits && hits[best] >= 1.5 * runner_up) guess.code = kProfiles[best].code;
  return guess;
}

}  // namespace tribune::spam::text
