// BBCode for comment bodies: parse once, render as safe HTML or plain text.
//
// Supported: [b] [i] [u] [s], [left] [center] [right], [color=name|#hex],
// [url]…[/url], [url=…]…[/url], [leech]…[/leech], [leech=…]…[/leech],
// [hide], [quote] / [quote=name], [spoiler] / [spoiler=title], the smilies
// of SmileyNames() written as :name:, and bare http(s) URLs (autolinked).
// Tag names are case-insensitive. Nothing the writer typed reaches the HTML
// unescaped; links are limited to http, https and mailto.
//
// All functions are thread-safe (they share no mutable state).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "bbcode/document.h"

namespace tribune::bbcode {

struct RenderOptions {
  // [hide] content is shown only when true; guests get a notice instead.
  // A page cache must therefore key on this flag.
  bool viewer_signed_in = false;
  // Returns the href for a [leech] (protected) link to `target`, an already
  // validated http/https URL: the site's signed redirect, e.g.
  // "/go?u=...&s=...". When empty, [leech] renders as plain text.
  std::function<std::string(std::string_view target)> leech_href;
  // Smiley <img src> = smiley_base + name + ".svg".
  std::string smiley_base = "/static/smilies/";
};

// Parses `source` (any bytes: invalid UTF-8 becomes U+FFFD, control
// characters other than tab and newlines are dropped). Never fails. Linear
// time; unclosed tags close at the end, unknown or malformed tags and tags
// nested deeper than kMaxDepth stay as literal text.
Document Parse(std::string_view source);

// Well-formed HTML fragment for `doc`; see README.md beside this file for
// the exact markup of each tag.
std::string RenderHtml(const Document& doc, const RenderOptions& opts);

// The visible text of `doc`, unescaped (escape it for wherever it goes):
// quotes are prefixed "> " per line (after a "name wrote:" line), spoilers
// keep their title on a line of its own, links read "text (url)" when the
// text is not the URL, smilies read ":name:", [hide] content is left out.
std::string RenderText(const Document& doc);

// The validated targets of every link in `doc`, in order ([url], [leech] and
// autolinks; refused URLs are not listed). For the spam engine.
std::vector<std::string> LinkTargets(const Document& doc);

std::string ToHtml(std::string_view source, const RenderOptions& opts);
std::string ToText(std::string_view source);

// The shipped smilies, e.g. "smile", "wink".
const std::vector<std::string_view>& SmileyNames();

}  // namespace tribune::bbcode
