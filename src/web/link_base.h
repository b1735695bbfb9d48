// Where the absolute links of a page, feed or API answer point
// (scheme://host[:port][/path], no trailing slash), in this order:
//   1. [site] base_url, when set;
//   2. else http:// and the request's Host, when [site] hosts lists it
//      (compared without case), or the first host listed when it does not;
//   3. else http:// and the address and port the reader reached the server at:
//      the listen address, or for a wildcard one (0.0.0.0, ::) the local
//      address of the connection.
// Pages cached for every reader carry these links, so without a base_url
// the cache keeps one copy per base (see LinkCacheKey).
#pragma once

#include <string>

#include "http/request.h"
#include "render/layout.h"
#include "web/context.h"

namespace tribune::web {

// The base for links in the answer to `req`.
std::string LinkBase(const Context& ctx, const http::Request& req);

// The cookie the language switch sets (/prefs/lang).
inline constexpr std::string_view kLanguageCookie = "lang";

// The reader's language: their switch's choice, else their browser's
// Accept-Language, else the site's (null when the site has no languages).
const i18n::Language* LanguageFor(const Context& ctx, const http::Request& req);

// ctx.site with LinkBase(ctx, req) as its base_url, in the reader's language.
render::SiteInfo SiteFor(const Context& ctx, const http::Request& req);

// `key` for a cached page with absolute links, in the reader's language:
// with the language, and the request's base when it varies.
std::string LinkCacheKey(const Context& ctx, const http::Request& req, std::string key);

}  // namespace tribune::web
