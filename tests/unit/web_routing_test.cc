// The route table's patterns, the validators' comparison and the CORS policy.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <vector>

#include "web/conditional.h"
#include "web/cors.h"
#include "web/route_table.h"

namespace tribune::web {
namespace {

TEST(MatchPath, PlaceholdersTakeNumbersSlugsAndTheRest) {
  PathArgs a;
  EXPECT_EQ(MatchPath("/news/{id}-{slug}/comments/page/{page}", "/news/12-a-b/comments/page/3", a),
            PathFit::kYes);
  EXPECT_EQ(a.id, 12);
  EXPECT_EQ(a.slug, "a-b");
  EXPECT_EQ(a.page, 3);
  PathArgs s;
  EXPECT_EQ(MatchPath("/static/{*}", "/static/css/site.css", s), PathFit::kYes);
  EXPECT_EQ(s.rest, "css/site.css");
}

TEST(MatchPath, AnythingElseDoesNotMatch) {
  PathArgs a;
  for (const char* path : {"/news/12-x.htm", "/news/12-x.html/", "/news/0-x.html", "/news/-x.html",
                           "/news/x-y.html", "/news/12-.html", "/news/12x-y.html"}) {
    EXPECT_EQ(MatchPath("/news/{id}-{slug}.html", path, a), PathFit::kNo) << path;
  }
  EXPECT_EQ(MatchPath("/api/v1/articles/{id}", "/api/v1/articles/12abc", a), PathFit::kNo);
}

TEST(MatchPath, ANumberTooLargeForAnIdIsTold) {
  PathArgs a;
  EXPECT_EQ(MatchPath("/api/v1/articles/{id}", "/api/v1/articles/99999999999999999999", a),
            PathFit::kNumberTooLarge);
  EXPECT_EQ(MatchPath("/news/{id}-{slug}.html", "/news/99999999999999999999-x.htm", a),
            PathFit::kNo);
}

TEST(RouteTable, AllowListsTheMethodsWithHandlers) {
  RouteTable t(
      [](int status, const std::string&) {
        http::Response r;
        r.status = status;
        return r;
      },
      "none");
  auto noop = [](http::Request&, const PathArgs&, http::Respond) {};
  RouteTable::Route& r = t.Add("/x").Get(noop).Patch(noop);
  EXPECT_EQ(r.Allow(), "GET, HEAD, PATCH, OPTIONS");
  EXPECT_NE(r.For("HEAD"), nullptr);
  EXPECT_EQ(r.For("POST"), nullptr);
  EXPECT_EQ(r.For("OPTIONS"), nullptr);
  http::Request req;
  req.method = "POST";
  http::Response got;
  EXPECT_TRUE(t.Serve(req, "/x", [&got](http::Response r) { got = std::move(r); }));
  EXPECT_EQ(got.status, 405);
  EXPECT_FALSE(t.Serve(req, "/y", [](http::Response) {}));
}

// An offload that runs jobs later, as a pool would, each with its own copy
// of the request; routes marked OnLoop do not go through it.
TEST(RouteTable, HandlersLeaveTheLoopUnlessMarkedOnLoop) {
  RouteTable t(
      [](int status, const std::string& detail) {
        http::Response r;
        r.status = status;
        r.body = detail;
        return r;
      },
      "none");
  std::vector<std::function<void()>> later;
  t.LeaveLoopWith([&later](http::Request& req, http::Respond respond, ErrorWriter, LoopJob job) {
    auto own = std::make_shared<http::Request>(req);
    later.push_back([own, respond, job] { job(*own, respond); });
  });
  std::string seen_rest;
  t.Add("/slow/{*}").Get([&seen_rest](http::Request&, const PathArgs& a, http::Respond respond) {
    seen_rest = std::string(a.rest);
    respond(http::Response{});
  });
  t.Add("/fast").Get([](http::Request&, const PathArgs&, http::Respond respond) {
    respond(http::Response{});
  }).OnLoop();
  int answered = 0;
  auto count = [&answered](http::Response) { ++answered; };
  http::Request req;
  req.method = "GET";
  req.path = "/fast";
  ASSERT_TRUE(t.Serve(req, req.path, count));
  EXPECT_EQ(answered, 1);
  EXPECT_TRUE(later.empty());
  req.path = "/slow/a/b.css";
  ASSERT_TRUE(t.Serve(req, req.path, count));
  EXPECT_EQ(answered, 1);  // not yet: queued
  ASSERT_EQ(later.size(), 1u);
  req.path = "/something/else/entirely";  // the server reuses its request
  later.front()();
  EXPECT_EQ(answered, 2);
  EXPECT_EQ(seen_rest, "a/b.css");
}

TEST(IfNoneMatch, ListsWeakTagsAndStar) {
  EXPECT_TRUE(IfNoneMatchHits("\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits("\"b\", \"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits("W/\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchHits(" * ", "\"a\""));
  EXPECT_FALSE(IfNoneMatchHits("", "\"a\""));
  EXPECT_FALSE(IfNoneMatchHits("\"a-gz\"", "\"a\""));
}

http::Request WithHeaders(std::vector<std::pair<std::string, std::string>> headers) {
  http::Request req;
  req.method = "OPTIONS";
  req.headers = std::move(headers);
  return req;
}

bool HasHeader(const http::Response& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return true;
  }
  return false;
}

TEST(CorsPolicy, OffUnlessOriginsAreListed) {
  CorsPolicy off({});
  http::Response r;
  off.AddReadHeaders("https://a.example", r);
  EXPECT_TRUE(r.headers.empty());
  EXPECT_FALSE(off.enabled());
}

TEST(CorsPolicy, PreflightAnswersReadsFromListedOriginsOnly) {
  CorsPolicy cors({"https://a.example"});
  auto preflight = [&](std::string origin, std::string method, std::string headers) {
    return cors.Preflight(WithHeaders({{"origin", origin},
                                       {"access-control-request-method", method},
                                       {"access-control-request-headers", headers}}),
                          "GET, HEAD, OPTIONS");
  };
  EXPECT_TRUE(HasHeader(preflight("https://a.example", "GET", "if-none-match"),
                        "Access-Control-Allow-Origin"));
  EXPECT_FALSE(
      HasHeader(preflight("https://a.example", "POST", ""), "Access-Control-Allow-Origin"));
  EXPECT_FALSE(HasHeader(preflight("https://b.example", "GET", ""), "Access-Control-Allow-Origin"));
  EXPECT_FALSE(HasHeader(preflight("https://a.example", "GET", "authorization"),
                         "Access-Control-Allow-Origin"));
}

TEST(CorsPolicy, AStarAllowsAnyOriginWithoutVary) {
  CorsPolicy any({"*"});
  http::Response r;
  any.AddReadHeaders("", r);
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0].second, "*");
}

}  // namespace
}  // namespace tribune::web
