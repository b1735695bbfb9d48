#include "web/link_base.h"

#include <algorithm>
#include <cctype>

namespace tribune::web {
namespace {

bool SameHost(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string HttpBase(std::string_view authority) {
  std::string base = "http://";
  base += authority;
  return base;
}

}  // namespace

std::string LinkBase(const Context& ctx, const http::Request& req) {
  if (!ctx.site.base_url.empty()) return ctx.site.base_url;
  const std::vector<std::string>& hosts = ctx.config.site.hosts;
  if (!hosts.empty()) {
    std::string_view host = req.Header("host");
    auto listed = std::find_if(hosts.begin(), hosts.end(),
                               [host](const std::string& h) { return SameHost(h, host); });
    return HttpBase(listed != hosts.end() ? *listed : hosts.front());
  }
  return HttpBase(req.local_endpoint);
}

const i18n::Language* LanguageFor(const Context& ctx, const http::Request& req) {
  if (!ctx.languages) return nullptr;
  return &ctx.languages->Choose(req.Cookie(kLanguageCookie), req.Header("accept-language"));
}

render::SiteInfo SiteFor(const Context& ctx, const http::Request& req) {
  render::SiteInfo site = ctx.site;
  if (site.base_url.empty()) site.base_url = LinkBase(ctx, req);
  site.lang = LanguageFor(ctx, req);
  site.languages = ctx.languages;
  return site;
}

std::string LinkCacheKey(const Context& ctx, const http::Request& req, std::string key) {
  if (const i18n::Language* lang = LanguageFor(ctx, req)) {
    key += '|';
    key += lang->code();
  }
  if (ctx.site.base_url.empty()) {
    key += '@';
    key += LinkBase(ctx, req);
  }
  return key;
}

}  // namespace tribune::web
