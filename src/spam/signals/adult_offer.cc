// Adult and escort offers: "escort service", "call girls", "hot singles in
// your area", "интим досуг", "девушки по вызову". The words must offer the
// service; news about a police escort or an article on dating does not match.
// Russian lures offer "голые фото любой девушки" and "фото без трусиков".
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {

void CheckAdultOffer(const Analysis& a, Hits* out) {
  static const RE2 kOffer(
      R"(((?:\bescorts?\s+(?:service|services|agency|girls?|available|24)|call\s*girls?\s+(?:service|services|agency|girls?|in\s+\w+|available|24))\b)"
      R"(|\b(?:hot|lonely|horny|sexy)\s+(?:singles|girls|women|milfs?)\s+(?:in|near|from|waiting|want))"
      R"(|\b(?:sex|adult|nude|xxx)\s+(?:chat|cams?|dating|videos?\s+free|hookups?)\b|(?:free|hot)\s+porn\b)"
      R"(|onlyfans\.com/|(?:see|check|view)\s+my\s+(?:nudes|private\s+(?:photos|videos|pics)))"
      R"(|интим\pL*\s+(?:услуг|досуг|встреч|знакомств)\pL*|эскорт\pL*|досуг\s+для|девушк\pL*\s+по\s+вызову|индивидуалк\pL*|)"
      R"(секс\s+(?:знакомств\pL*|услуг\pL*|за\s+деньги)|18\+\s*(?:фото|видео|контент)|)"
      R"((?:гол\pL*|обнаж[её]нн\pL*|оголенн\pL*|оголённ\pL*|интимн\pL*|слит\pL*)\s+(?:\pL+\s+){0,1})"
      R"((?:фото|фоточ\pL*|видео|нюд\pL*)|без\s+трус\pL*))", RuleOptions());
  std::string_view m;
  if (Find(a.folded_body, Checked(kOffer), &m)) out->push_back({"ADULT_OFFER", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
