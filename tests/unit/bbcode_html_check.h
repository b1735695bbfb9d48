// A strict checker for RenderHtml output, used by the BBCode tests: the
// output must be well-formed and use only the markup the renderer is meant
// to produce.
#pragma once

#include <string>
#include <string_view>

namespace tribune::bbcode::testing {

// "" when `html` is well-formed (every tag closed in order, text and
// attribute values fully escaped) and uses only the elements, attributes and
// values the BBCode renderer emits, with links limited to http:, https:,
// mailto: and the test leech prefix "/go?u=". Otherwise, what is wrong and
// where.
std::string CheckRenderedHtml(std::string_view html);

}  // namespace tribune::bbcode::testing
