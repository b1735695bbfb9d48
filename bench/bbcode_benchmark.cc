// RenderHtml cost for a typical comment: a few tags, a link, a smiley, a
// quote, 618 bytes.
#include <benchmark/benchmark.h>

#include <string>

#include "bbcode/bbcode.h"

namespace tribune::bbcode {
namespace {

constexpr std::string_view kTypicalComment =
    "[quote=Vernita]Is this a paid subject matter or did you modify it yourself? "
    "Either way stay up the nice quality writing.[/quote]\n"
    "I [b]really[/b] enjoyed this piece, especially the part about the talks in Moscow. "
    "The [i]12-point plan[/i] is discussed in more detail here: "
    "[url=https://www.example.org/analysis/12-point-plan]an analysis[/url], and the "
    "full text is at https://www.example.org/documents/plan.pdf if anyone wants it :smile:\n"
    "[spoiler=My guess]Nothing will change before the summer, and both sides know it.[/spoiler]\n"
    "[color=#a1b2c3]Thanks again[/color] for writing this up, and for keeping the comments "
    "open.";

RenderOptions Options() {
  RenderOptions opts;
  opts.leech_href = [](std::string_view target) { return "/go?u=" + std::string(target); };
  return opts;
}

void BM_ToHtmlTypicalComment(benchmark::State& state) {
  RenderOptions opts = Options();
  for (auto _ : state) benchmark::DoNotOptimize(ToHtml(kTypicalComment, opts));
  state.SetBytesProcessed(state.iterations() * kTypicalComment.size());
}
BENCHMARK(BM_ToHtmlTypicalComment);

void BM_RenderHtmlParsedComment(benchmark::State& state) {
  RenderOptions opts = Options();
  Document doc = Parse(kTypicalComment);
  for (auto _ : state) benchmark::DoNotOptimize(RenderHtml(doc, opts));
  state.SetBytesProcessed(state.iterations() * kTypicalComment.size());
}
BENCHMARK(BM_RenderHtmlParsedComment);

void BM_ParseTypicalComment(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Parse(kTypicalComment));
  state.SetBytesProcessed(state.iterations() * kTypicalComment.size());
}
BENCHMARK(BM_ParseTypicalComment);

void BM_ToTextTypicalComment(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ToText(kTypicalComment));
  state.SetBytesProcessed(state.iterations() * kTypicalComment.size());
}
BENCHMARK(BM_ToTextTypicalComment);

}  // namespace
}  // namespace tribune::bbcode
