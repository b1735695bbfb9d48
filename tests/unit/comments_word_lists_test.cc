// The newsroom's word and pattern lists: whole words folded like the spam
// engine folds text, regexes, the strongest match first, and every refusal
// naming its line.
#include <gtest/gtest.h>

#include "comments/word_lists.h"

namespace tribune::comments {
namespace {

std::shared_ptr<const WordLists> Lists(const std::string& hold, const std::string& reject) {
  std::vector<site::FieldError> errors;
  auto lists = WordLists::Build(hold, reject, &errors);
  EXPECT_TRUE(errors.empty()) << errors.front().message;
  return lists;
}

TEST(WordLists, WholeWordsAnyCaseInNameOrText) {
  auto lists = Lists("# hold for a look\nloan offer\n", "casino\nКазино\n");
  auto m = lists->Check("Reader", "Best CASINO bonus here");
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->reject);
  EXPECT_EQ(m->entry, "casino");
  EXPECT_FALSE(lists->Check("Reader", "casinos are not the word").has_value());
  EXPECT_FALSE(lists->Check("Reader", "occasional remarks").has_value());
  EXPECT_TRUE(lists->Check("Лучшее казино", "text").has_value());  // the name, Cyrillic
  auto hold = lists->Check("Reader", "A great Loan Offer today.");
  ASSERT_TRUE(hold.has_value());
  EXPECT_FALSE(hold->reject);
  EXPECT_FALSE(lists->Check("Reader", "The council met on Tuesday.").has_value());
}

TEST(WordLists, RegexesAndTheStrongestMatchFirst) {
  auto lists = Lists("/whats?app\\s*\\+?\\d{6,}/\n", "/bit\\.ly\\/\\w+/\n");
  auto both = lists->Check("x", "whatsapp +99555123456 or bit.ly/abc");
  ASSERT_TRUE(both.has_value());
  EXPECT_TRUE(both->reject);
  EXPECT_EQ(both->matched, "bit.ly/abc");
  auto hold = lists->Check("x", "WhatsApp 99555123456");
  ASSERT_TRUE(hold.has_value());
  EXPECT_FALSE(hold->reject);
}

TEST(WordLists, RefusalsNameTheLine) {
  std::vector<site::FieldError> errors;
  std::string long_line(WordLists::kMaxEntryBytes + 1, 'a');
  auto lists = WordLists::Build("ok\n/unclosed(/\n", "fine\n" + long_line + "\n", &errors);
  EXPECT_EQ(lists, nullptr);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "reject");
  EXPECT_NE(errors[0].message.find("line 2"), std::string::npos);
  EXPECT_EQ(errors[1].field, "hold");
  EXPECT_NE(errors[1].message.find("Hold list, line 2"), std::string::npos);
  std::string many;
  for (size_t i = 0; i <= WordLists::kMaxEntries; ++i) many += "word" + std::to_string(i) + "\n";
  errors.clear();
  EXPECT_EQ(WordLists::Build(many, "", &errors), nullptr);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("at most 1000"), std::string::npos);
}

// A full list of words is within the speed budget (one vectorscan pass).
TEST(WordLists, AThousandWordsAreWithinTheSpeedBudget) {
  std::string words;
  for (size_t i = 0; i < WordLists::kMaxEntries; ++i) words += "spamword" + std::to_string(i) + "\n";
  std::vector<site::FieldError> errors;
  auto lists = WordLists::Build(words, "", &errors);
  EXPECT_TRUE(errors.empty()) << (errors.empty() ? "" : errors.front().message);
  ASSERT_NE(lists, nullptr);
  EXPECT_TRUE(lists->Check("x", "buy spamword999 now").has_value());
}

}  // namespace
}  // namespace tribune::comments
