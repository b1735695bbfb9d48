// Pharmacy spam: prescription drugs sold without one — "buy tramadol online
// without prescription", "cheap generic viagra", "cenforce 100 mg tablets".
// Readers name these drugs too (a news story on opioids, a doctor's advice),
// so the rule wants the seller's words beside the drug: buying or ordering,
// online, cheap or generic, no prescription, a dose with a price or pills.
#include <re2/re2.h>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

#define TRIBUNE_DRUG                                                                        \
  R"((?:viagra|cialis|levitra|kamagra|tadalafil|sildenafil|vardenafil|cenforce|vidalista|)" \
  R"(fildena|tadacip|tramadol|xanax|alprazolam|valium|diazepam|oxycodone|oxycontin|)"       \
  R"(hydrocodone|adderall|ambien|zolpidem|carisoprodol|modafinil|modalert|armodafinil|)"    \
  R"(phentermine|clonazepam|klonopin|percocet|ativan|lorazepam|dilaudid|xenical|)"          \
  R"(anabolic\s+steroids?|steroids?|dianabol|winstrol|anavar|clenbuterol|trenbolone|hgh|)"      \
  R"(ivermectin|stromectol|hydroxychloroquine|lasix|furosemide|propecia|finasteride|)"        \
  R"(accutane|isotretinoin|prednisone|amoxicillin|azithromycin|doxycycline|clomid|)"         \
  R"(nolvadex|priligy|dapoxetine|suhagra|gabapentin|pregabalin|lyrica|tapentadol|)"          \
  R"(misoprostol|cytotec|soma|provigil|valtrex|zithromax|levaquin|synthroid|neurontin))"

const RE2& Offer() {
  static const RE2 re(
      R"(\b((?:buy|order|purchase|get)\s+(?:cheap\s+|generic\s+|discount\s+)?)" TRIBUNE_DRUG
      R"(\s+(?:\d+\s*mg\s+)?(?:online|without|with\s+no|no\s+(?:prescription|rx)|overnight|cod\b|cheap))"
      R"(|)" TRIBUNE_DRUG
      R"(\s+(?:\d+\s*mg\s+)?(?:online\s+)?(?:without|no)\s+(?:a\s+)?(?:prescription|rx)\b)"
      R"(|(?:cheap|generic|discount)\s+)" TRIBUNE_DRUG
      R"(\s+(?:online|pills?|tablets?|for\s+sale|prices?)\b)"
      R"(|)" TRIBUNE_DRUG
      R"(\s+\d+(?:\.\d+)?\s*mg\s+(?:tablets?|pills?|capsules?|price|cost|online|buy|for\s+sale|)"
      R"(without\s+(?:a\s+)?(?:prescription|rx)|no\s+prescription|otc|over\s+the\s+counter))"
      R"(|\bwhere\s+(?:can\s+i|to)\s+(?:buy|get|order)\s+)" TRIBUNE_DRUG R"(\s+(?:online|cheap|pills?|)"
      R"(tablets?|without|over\s+the\s+counter|uk|usa|canada)\b)"
      R"(|)" TRIBUNE_DRUG R"(\s+for\s+sale\s+online)"
      R"())",
      RuleOptions());
  return Checked(re);
}

#undef TRIBUNE_DRUG

}  // namespace

void CheckPharmaOffer(const Analysis& a, Hits* out) {
  std::string_view m;
  if (Find(a.folded_body, Offer(), &m)) out->push_back({"PHARMA_OFFER", 1.0, Clip(m)});
}

}  // namespace tribune::spam::signals
