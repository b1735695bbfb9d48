// Contact hand-off: the comment's purpose is to move the reader to a private
// channel where the scam happens — "message me on WhatsApp +1 …", "contact
// him on Telegram @…", "I got my money back with the help of @…", an e-mail
// address to write to, "пишите в лс". Readers discussing an app ("Telegram
// was blocked") or replying to someone ("@anna you are right") do not match:
// an instruction or a credit must point at the contact.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// A messenger named together with a way to reach someone on it.
const RE2& Messenger() {
  static const RE2 re(
      R"((?:whats\s?app|whatsap|watsapp|wa\.me/|telegram|telegra\.m|\bt\.me/|viber|wechat|wickr|)"
      R"(skype|signal\s+app|kik\s+messenger|snapchat|ватсап|вотсап|вацап|телеграм+|телеге|вайбер))"
      R"((?:\s*(?:me|him|her|them|us|id|name|number|no\.?|contact|handle|username))?\s*)"
      R"((?:[:\-–=]|\bon\b|\bat\b|\bvia\b)?\s*(?:@[a-z0-9_.]{3,}|\+?\d[\d\s().-]{7,}|\bt\.me/\w+|wa\.me/\d+))"
      R"(|(?:contact|message|text|reach|write|chat\s+with|dm|inbox|add|call|hit)\s+(?:me|him|her|them|us)\s+)"
      R"((?:up\s+)?(?:directly\s+)?(?:on|via|through|at|@)\s*(?:whats\s?app|telegram|viber|wechat|skype|signal|)"
      R"(instagram|insta|ig|facebook|snapchat|email|e-mail|gmail))"
      R"(|(?:contact|reach|message|write\s+to)\s+(?:me|him|her|them|us)\s+(?:via|on|through|at)\s*(?:\+|@))"
      // "first 10 people to message me 'broke'": money promised to whoever writes first.
      // Also "the first (10) people to hmu with …", "to “inbox” me".
      R"(|\bfirst\s+\(?(?:\d+|ten|five|three|twenty|fifty|hundred)\)?\s+(?:people|persons|ones|individuals)\s+)"
      R"((?:to|that|who)\s+[“"'‘]?(?:message|inbox|dm|text|write|send|hmu|hit\s+me\s+up)\b)"
      // "напиши в поиске телеграма: SDV600": a code to type into the
      // messenger's search, which no link filter sees.
      R"(|(?:напиш\pL*|введи\pL*|вбей\pL*|ищи\pL*|найди\pL*)\s+(?:в\s+)?поиск\pL*\s+(?:в\s+)?)"
      R"((?:телеграм\pL*|телеги|тг|tg)\s*[:\-–]?\s*@?[a-z0-9_]{4,}|search\s+(?:for\s+)?@?[a-z0-9_]{4,}\s+on\s+telegram)",
      RuleOptions());
  return Checked(re);
}

// An @handle presented as the one who helps, pays or should be written to.
// Where mentions are not links, the handle is written as a hashtag
// ("contact her #__venicehats"); after these words it is one too.
const RE2& HandleCredit() {
  static const RE2 re(
      R"((?:with\s+the\s+help\s+of|help\s+(?:of|from)|thanks\s+to\s+(?:the\s+)?(?:help\s+of\s+)?|)"
      // "all thanks @x", "getting started with @x", "my experience with @x",
      // "i made $50,000 with #erminiafx".
      R"(all\s+thanks|(?:getting|got|get)\s+started\s+with|experience\s+with|)"
      R"((?:start(?:ed)?\s+)?earning\s+with|)"
      R"((?:made|make|making|earned|earn|earning|gained|received|got)\s+)"
      R"((?:over\s+|about\s+|up\s+to\s+)?[$€£]\s?\d[\d,.]*k?\s+)"
      R"((?:\S+\s+){0,4}?(?:with|from|through|via|using)|)"
      R"(contact(?:ing)?|reach(?:ing)?\s+out\s+to|reach|message|dm|inbox|write\s+to|text|recommend(?:ed)?|)"
      R"(consult(?:ed)?|connect\s+with|get\s+in\s+touch\s+with|talk\s+to|speak\s+(?:to|with)|chat\s+with|)"
      R"(trade[sd]?\s+with|invest(?:ed|ing)?\s+with|mentored\s+by|managed\s+by|guided\s+by|)"
      R"((?:account\s+)?manager|mentor|broker|expert|coach|(?:crypto|forex|professional)\s+trader|)"
      R"(recovery\s+(?:expert|agent|hacker)|hacker))"
      R"(\s+(?:(?:mr|mrs|ms|dr|sir|madam)\.?\s+)?(?:[a-z]+\s+){0,2}(?:@[a-z0-9_.]{3,}|#[a-z0-9_.]*[a-z][a-z0-9_.]{4,}))",
      RuleOptions());
  return Checked(re);
}

// A handle whose name sells money: "@trade_with_denise", "#financee_sonya_",
// "@cryptowithbrianna", "@thereal_limara.fx". Readers' friends are not
// called so; a hashtag counts only in the shape of a person's handle.
#define TRIBUNE_MONEY_WORD                                                             \
  R"((?:fx|forex|trad(?:e|er|ing)|invest|profit|income|wealth|financ|crypto|bitcoin|)" \
  R"(btc|money|capital|broker|binary|mining|recover|hack|options|signals))"
const RE2& MoneyHandle() {
  static const RE2 re(R"((?:^|[^a-z0-9_])(?:@[a-z0-9_.]*)" TRIBUNE_MONEY_WORD R"([a-z0-9_.]*)"
                      R"(|#[a-z0-9.]*_[a-z0-9_.]*)" TRIBUNE_MONEY_WORD R"([a-z0-9_.]*)"
                      R"(|#[a-z0-9_.]*)" TRIBUNE_MONEY_WORD R"([a-z0-9.]*_[a-z0-9_.]*))",
                      RuleOptions());
  return Checked(re);
}
#undef TRIBUNE_MONEY_WORD

// A testimony of money ("received my profit", "my investment period")
// ending in a handle (a hashtag only in the shape of one: a topic tag ends
// many posts).
const RE2& TestimonyToHandle() {
  static const RE2 re(
      R"((?:testimon|received|profit|invest|trad(?:e|ing|er)|mentor|withdr[ae]w|payout|earnings|)"
      R"((?:\bi|\bwe)(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?earned|)"
      R"(debt|recover|my\s+(?:assets|funds|wallet))[^@#]{0,200})"
      R"((?:@[a-z0-9_.]{4,}|#[a-z0-9.]*_[a-z0-9_.]*)\W*$)",
      RuleOptions());
  return Checked(re);
}

// A handle padded to be told apart from its namesakes: "#__sarahgrosvenor_____",
// "@martha_eduardo__forex_trader", "#coach_anastasiachris___"; a hashtag
// ending in an underscore ("#stephaniecolby_") names a person, not a topic.
// Investment scams credit such accounts; readers' handles are rarely
// padded so, and with gain or gratitude beside it the credit is the
// scam's. Padded with three underscores in a row or more ("#chloe____addyson",
// and written without its sigil, "sarahgrosvenor___"), it is the scam's
// whatever is beside it: across every ham source, one comment (a post on
// X) pads a name so, and one reply opens with such a username (a reply's
// address is not counted). `handle` is empty when there is none.
struct Padded {
  std::string_view handle;
  bool heavy = false;
};

Padded PaddedHandle(const std::string& t) {
  static const RE2 kHandle(R"((?:^|[^\pL\pN_/.#@=&?:])([@#][\pL\pN_.]{3,}))", RuleOptions());
  // Without a sigil, only a name of letters that ends in the padding
  // ("sarahgrosvenor___"): identifiers in code pad their middles.
  static const RE2 kBare(R"((?:^|[^\pL\pN_/.#@=&?:])(_*\pL{3,}(?:_\pL+)*_{3,})(?:[^\pL\pN_]|$))",
                         RuleOptions());
  const bool heavy_somewhere = t.find("___") != std::string::npos;
  for (const RE2* re : {&kHandle, &kBare}) {
    if (re == &kBare && !heavy_somewhere) break;
    re2::StringPiece input(t);
    re2::StringPiece h;
    while (RE2::FindAndConsume(&input, Checked(*re), &h)) {
      std::string_view v(h.data(), h.size());
      while (!v.empty() && v.back() == '.') v.remove_suffix(1);
      // "#rabbit_host=ironic", "#define_x(": code, not a name.
      if (v.size() < 4 || (!input.empty() && (input[0] == '=' || input[0] == '('))) continue;
      bool sigil = v.front() == '@' || v.front() == '#';
      std::string_view name = sigil ? v.substr(1) : v;
      // A reply opens with the address of the one it answers, as it is.
      bool reply = v.front() == '@' && v.data() == t.data();
      bool heavy = !reply && name.find("___") != std::string_view::npos;
      bool padded = heavy || name.front() == '_' || name.find("__") != std::string_view::npos ||
                    (v.front() == '#' && name.back() == '_');
      bool named = name.find_first_not_of("_.0123456789") != std::string_view::npos;
      if (padded && named) return {v, heavy};
    }
  }
  return {};
}

// A money handle or a testimony alone: the readers of a finance page
// address its owner too.
constexpr double kHandleOnlyStrength = 0.6;

// A money testimony: gain and gratitude together ("i got my 5th payout,
// god bless you"). With a handle credited or selling money, it is the
// investment scam's comment, and holds by itself (docs/spam.md, "Rules
// that hold by themselves").
const RE2& Gain() {
  static const RE2 re(
      R"(profit|payout|\bpaid\b|returns|invest|withdr|earn|income|trading|\btrade|capital|)"
      R"(financial\s+freedom|debt|[$€£]\s?\d|\d\s?(?:usd|dollars)|\bbtc\b|bitcoin|crypto|forex|\bfx\b)",
      RuleOptions());
  return Checked(re);
}
const RE2& Gratitude() {
  static const RE2 re(
      R"(thank|grateful|bless|apprecia|testimon|testify|\blegit|genuine|trust|recommend|happy|\bgod\b|)"
      R"(changed\s+my\s+life|breakthrough|impressed|wonderful\s+work|help(?:ing|ed)\s+me)",
      RuleOptions());
  return Checked(re);
}
// 2.5 x 1.1 = 2.75.
constexpr double kTestimonyStrength = 1.1;

// A padded handle credited: with gain or gratitude beside it, or padded
// heavily (see PaddedHandle).
bool PaddedCredit(const std::string& t, std::string_view* m, bool* heavy) {
  Padded p = PaddedHandle(t);
  if (p.handle.empty() || !(p.heavy || Find(t, Gain()) || Find(t, Gratitude()))) return false;
  *m = p.handle;
  *heavy = p.heavy;
  return true;
}

// Russian-language spam sends readers to private messages.
const RE2& PrivateMessages() {
  static const RE2 re(
      R"((?:пиши(?:те)?|напиши(?:те)?|отпиши(?:те)?|писать|обращайтесь|подробност[иь]|подробнее|детали|жду|)"
      R"(стучи(?:те)?|пиш|\+)\s*(?:["«“]?(?:\+|➕|плюс)["»”]?\s*)?(?:мне\s+)?(?:в|на)\s+)"
      R"((?:лс|л\.\s?с|личку|личные|директ|телег|тг(?:\s|$|[.!,])|ватсап))"
      R"(|(?:в|на)\s+(?:лс|личку)\s*[!.)+]|(?:лс|личку|тг|telegram|телеграм)\s*[:\-–]?\s*@[a-z0-9_]{4,})"
      // "пишите ➕ в лс", "пиши (+), если интересно": a plus to send privately.
      R"(|(?:пиши(?:те)?|напиши(?:те)?|ставь(?:те)?|для\s+связи)\s*\(?\s*(?:\+|➕)\s*\)?)"
      // "пиши плюс"; "за подробностями писать @x", "оставлю вам контакт: @x"
      // (a chat's own "пишите @admin" is not: the advert's infinitive is).
      R"(|(?:пиши|напиши|ставь|отпиши)(?:те)?\s*(?:["«“(]\s*)?плюс)"
      R"(|(?:писать|подробност\pL*|детал\pL*|контакт\pL*)\s*(?:\pL+\s+){0,2}[:\-–]?\s*@[a-z0-9_]{4,})",
      RuleOptions());
  return Checked(re);
}

// The same in English: "dm me", "inbox me", "direct message for the
// procedures", "ask me how". Weak alone (readers ask to be messaged about
// a lost dog); with money beside it, the investment scam's hand-off. Not
// "text me": friends' messages say it all day.
const RE2& PrivateMessagesEnglish() {
  static const RE2 re(
      R"((?:^|[^a-z0-9_@#])(?:dm|inbox|pm|direct\s+message|message|hmu|hit\s+me\s+up))"
      R"(\s+(?:me\b|for\s+(?:more|details|the\s+(?:procedure|details|info)|info))|\bask\s+me\s+how\b)",
      RuleOptions());
  return Checked(re);
}
constexpr double kPrivateMoneyStrength = 2.0;

const RE2& Email() {
  static const RE2 re(R"(([a-z0-9._%+-]{2,}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}))",
                      RuleOptions());
  return Checked(re);
}

// Whether the e-mail address is asked to be written to, not just mentioned.
const RE2& EmailInstruction() {
  static const RE2 re(
      R"((?:contact|email|e-mail|mail|write|reach|message|text|send|via|through|at|on)\s*)"
      R"((?:me|him|her|them|us)?\s*(?:on|at|via|through|:)?\s*[a-z0-9._%+-]{2,}@)",
      RuleOptions());
  return Checked(re);
}

constexpr double kMentionedEmail = 0.5;  // strength of an address nobody is asked to use

// The first address in `t` that someone could be reached at: not a git
// remote, not a system's sender ("noreply@", "notifications@github.com")
// and not the writer of a quoted reply ("On Mon, … Ann <ann@x.org> wrote:"),
// which mail and issue trackers put above every answer by e-mail.
std::string ContactEmail(const std::string& t) {
  static const RE2 kSender(
      R"(^(?:no-?reply|do-?not-?reply|notifications?|reply\+|mailer-daemon|git@))");
  static const RE2 kQuoted(
      R"(^[>)\]]?\s{0,2}(?:(?:wrote|writes|a\s+écrit|schrieb)\b|написал))");
  re2::StringPiece input(t);
  std::string email;
  while (RE2::FindAndConsume(&input, Email(), &email)) {
    if (RE2::PartialMatch(email, kSender)) continue;
    if (RE2::PartialMatch(input.substr(0, 40), kQuoted)) continue;
    return email;
  }
  return {};
}

}  // namespace

// Whether the text could hold any contact at all: a handle (or a hashtag,
// which may be one, or a name padded as one), an address, a messenger's
// name, Russian words, or a call to the first few people (cheap tests
// before the patterns).
bool MayHoldContact(const std::string& t) {
  static const RE2 kGate(
      R"(@|#|___|whats|watsap|wa\.me|telegr|t\.me/|viber|wechat|wickr|skype|signal|kik|snapchat|[\x{0400}-\x{04FF}]|)"
      R"(first\s+\S+\s+(?:people|persons|ones|individuals)|inbox|\bdm\b|\bpm\b|message|hmu|)"
      R"(hit\s+me\s+up|ask\s+me\s+how)",
      RuleOptions());
  return RE2::PartialMatch(t, Checked(kGate));
}

void CheckContactHandoff(const Analysis& a, Hits* out) {
  const std::string& t = a.folded_body;
  if (!MayHoldContact(t)) return;
  std::string_view m;
  bool heavy = false;
  if (Find(t, Messenger(), &m)) {
    out->push_back({"CONTACT_MESSENGER", 1.0, Clip(m)});
  } else if (bool credited = Find(t, HandleCredit(), &m),
             money_handle = !credited && Find(t, MoneyHandle(), &m),
             testimony_end = !credited && !money_handle && Find(t, TestimonyToHandle(), &m);
             credited || money_handle || testimony_end ||
             PaddedCredit(t, &m, &heavy)) {
    // The testimony's handle is at its end: the evidence keeps the end.
    bool at_end = !credited && !money_handle;
    bool testimony = Find(t, Gain()) && Find(t, Gratitude());
    double strength = testimony || heavy ? kTestimonyStrength
                      : credited         ? 1.0
                                         : kHandleOnlyStrength;
    out->push_back({"CONTACT_HANDLE", strength, at_end ? ClipTail(m) : Clip(m)});
  } else if (Find(t, PrivateMessages(), &m)) {
    // Community chats ask for private messages too ("напишите в личку,
    // кто сможет помочь"): weak alone, the offer beside it decides.
    out->push_back({"CONTACT_PRIVATE", 1.0, Clip(m)});
  } else if (Find(t, PrivateMessagesEnglish(), &m)) {
    out->push_back({"CONTACT_PRIVATE", Find(t, Gain()) ? kPrivateMoneyStrength : 1.0, Clip(m)});
  }
  if (std::string email = ContactEmail(t); !email.empty()) {
    bool asked = RE2::PartialMatch(t, EmailInstruction());
    out->push_back({"CONTACT_EMAIL", asked ? 1.0 : kMentionedEmail, Clip(email)});
  }
}

}  // namespace tribune::spam::signals
