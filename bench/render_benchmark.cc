// The cost of re-rendering an article page after a new comment: the page
// with 20 comments on it (of 400 on the article), as the server does it.
//   ninja -C build render_benchmark && build/bench/render_benchmark
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bbcode/bbcode.h"
#include "render/article_page.h"
#include "render/page_cache.h"
#include "store/sqlite/sqlite_store.h"

namespace tribune {
namespace {

constexpr int kComments = 400;
constexpr int kPerPage = 20;

render::SiteInfo Site() { return {"Tribune Daily", "http://127.0.0.1:8080", "en", "Be kind."}; }

std::string ArticleBody() {
  std::string body;
  for (int i = 0; i < 24; ++i) {
    body += "The White House's National Security Council spokesman called on the visiting "
            "leader to urge his counterpart to withdraw troops, saying a ceasefire alone would "
            "not be enough and that talks must respect sovereignty.\n\n";
  }
  return body;  // ~5 KB, like the seed's article
}

site::NewComment MakeComment(int64_t article, int i) {
  site::NewComment c;
  c.article_id = article;
  c.author = "Reader " + std::to_string(i);
  c.body_source = "I was wondering if you ever considered [b]changing[/b] the layout of your "
                  "page? It is very well written; I love what you have got to say. [quote=Nino]"
                  "But maybe you could add a little more content[/quote] :smile:";
  bbcode::RenderOptions o;
  o.leech_href = [](std::string_view t) { return "/go?u=" + std::string(t); };
  c.body_html = bbcode::ToHtml(c.body_source, o);
  c.body_html_member = c.body_html;
  c.body_text = bbcode::ToText(c.body_source);
  c.created_at = 1700000000 + i;
  return c;
}

struct Fixture {
  std::unique_ptr<store::Store> store;
  site::Article article;
  Fixture() {
    std::string path = "/tmp/tribune-render-bench.db";
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
    store = std::move(store::OpenSqliteStore({path, 2})).value();
    (void)store->Migrate();
    article = *store->CreateArticle({"US urges Xi to press Putin over war crimes", "Lead",
                                     ArticleBody(), "BBC", "", 1679387100, true},
                                    1679387100);
    std::vector<site::NewComment> batch;
    for (int i = 0; i < kComments; ++i) batch.push_back(MakeComment(article.id, i));
    (void)store->InsertComments(batch);
    article = *store->GetArticle(article.id);
  }
};
Fixture& F() {
  static Fixture f;
  return f;
}

// Template work only: the data is already in memory.
void BM_RenderArticlePage(benchmark::State& state) {
  auto& f = F();
  auto comments = *f.store->ListPublishedComments(f.article.id, 0, kPerPage);
  render::ArticlePageView v;
  v.article = &f.article;
  v.comments = &comments;
  v.pages = kComments / kPerPage;
  v.form_fields = std::string(render::kPerRequestMarker);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string html = render::RenderArticlePage(Site(), v);
    bytes = html.size();
    benchmark::DoNotOptimize(html);
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderArticlePage);

// What a page miss costs after a new comment: read the article and its 20
// newest comments from SQLite, render.
std::string RenderFromStore(Fixture& f) {
  auto article = f.store->GetArticle(f.article.id);
  auto comments = f.store->ListPublishedComments(f.article.id, 0, kPerPage);
  render::ArticlePageView v;
  v.article = &*article;
  v.comments = &*comments;
  v.pages = kComments / kPerPage;
  v.form_fields = std::string(render::kPerRequestMarker);
  return render::RenderArticlePage(Site(), v);
}

void BM_RerenderFromStore(benchmark::State& state) {
  auto& f = F();
  for (auto _ : state) benchmark::DoNotOptimize(RenderFromStore(f));
}
BENCHMARK(BM_RerenderFromStore);

// The same plus the gzip parts and ETag the cache keeps.
void BM_RerenderWithGzip(benchmark::State& state) {
  auto& f = F();
  for (auto _ : state) {
    benchmark::DoNotOptimize(render::MakeCachedPage(RenderFromStore(f), "text/html"));
  }
}
BENCHMARK(BM_RerenderWithGzip);

}  // namespace
}  // namespace tribune
