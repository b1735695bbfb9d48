#include "comments/reader_names.h"

#include <algorithm>

#include "spam/text/normalize.h"

namespace tribune::comments {

std::string ReaderNameKey(std::string_view name) {
  std::string folded = spam::text::Normalize(name).text;
  std::erase_if(folded, [](char c) { return c == ' ' || c == '\t' || c == '.' || c == '_' || c == '-'; });
  return folded;
}

}  // namespace tribune::comments
