// Runs every golden case in tests/data/bbcode (see the README there):
// <name>.bbcode must render to <name>.html and, when present, <name>.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bbcode/bbcode.h"
#include "bbcode_html_check.h"
#include "core/html.h"

namespace tribune::bbcode {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenDir = TRIBUNE_BBCODE_GOLDEN_DIR;

// With this set in the environment, the test rewrites the expected files from
// the current output instead of comparing (review the diff before keeping it).
constexpr const char* kUpdateVariable = "TRIBUNE_BBCODE_UPDATE_GOLDEN";

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (entry.path().extension() == ".bbcode") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// File contents without the one final newline editors add.
std::string ReadCaseFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

void WriteCaseFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text << '\n';
}

RenderOptions GoldenOptions() {
  RenderOptions opts;
  opts.viewer_signed_in = false;
  opts.leech_href = [](std::string_view target) { return "/go?u=" + html::UrlEncode(target); };
  return opts;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, RendersAsExpected) {
  const fs::path base = kGoldenDir / GetParam();
  Document doc = Parse(ReadCaseFile(fs::path(base).replace_extension(".bbcode")));
  std::string html = RenderHtml(doc, GoldenOptions());
  std::string text = RenderText(doc);
  EXPECT_EQ(testing::CheckRenderedHtml(html), "") << html;

  const fs::path html_path = fs::path(base).replace_extension(".html");
  const fs::path text_path = fs::path(base).replace_extension(".txt");
  if (std::getenv(kUpdateVariable) != nullptr) {
    WriteCaseFile(html_path, html);
    if (fs::exists(text_path)) WriteCaseFile(text_path, text);
    return;
  }
  ASSERT_TRUE(fs::exists(html_path)) << html_path << " is missing";
  EXPECT_EQ(html, ReadCaseFile(html_path));
  if (fs::exists(text_path)) {
    EXPECT_EQ(text, ReadCaseFile(text_path));
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, ::testing::ValuesIn(CaseNames()), TestName);

TEST(GoldenSuiteTest, HasCases) { EXPECT_GE(CaseNames().size(), 40u); }

}  // namespace
}  // namespace tribune::bbcode
