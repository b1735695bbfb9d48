#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "spam/cli/internal.h"
#include "spam/cli/metrics.h"
#include "spam/verdict.h"

namespace tribune::spam::cli {
namespace {

// CPU time of this thread: on a shared machine, wall time measures the
// neighbours as much as the engine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

int WordCount(const std::string& s) {
  std::istringstream in(s);
  std::string w;
  int n = 0;
  while (in >> w) ++n;
  return n;
}

std::string LengthBucket(const std::string& body) {
  int n = WordCount(body);
  return n < 10 ? "<10 words" : n <= 30 ? "10-30 words" : ">30 words";
}

void ApplyArticle(const std::string& path, std::vector<Example>* ex) {
  if (path.empty()) return;
  std::ifstream in(path);
  if (!in) Fail(NotFound("cannot open " + path));
  std::string title;
  std::getline(in, title);
  std::stringstream body;
  body << in.rdbuf();
  for (Example& e : *ex) {
    e.comment.article_title = title;
    e.comment.article_body = body.str();
  }
}

std::string Pct(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", *v * 100);
  return buf;
}

void PrintRow(const std::string& label, const Metrics& m) {
  std::printf("%-28s %6zu %6zu %8s %8s %8s %8s %8s %8s %9s %9s\n", label.c_str(), m.spam, m.ham,
              Pct(m.precision).c_str(), Pct(m.recall).c_str(), Pct(m.f1).c_str(),
              Pct(m.fpr).c_str(), Pct(m.held_share).c_str(), Pct(m.auc).c_str(),
              Pct(m.recall_at_01).c_str(), Pct(m.recall_at_05).c_str());
}

// One JSON line per comment: what the engine decided and why.
void Dump(const std::string& path, const std::vector<Example>& ex, const std::vector<Verdict>& v) {
  std::ofstream out(path);
  for (size_t i = 0; i < ex.size(); ++i) {
    nlohmann::json j = {{"id", ex[i].id},
                        {"source", ex[i].source},
                        {"label", ex[i].is_spam ? "spam" : "ham"},
                        {"action", ActionName(v[i].action)},
                        {"score", v[i].score},
                        {"body", ex[i].comment.body}};
    for (const Reason& r : v[i].reasons) j["reasons"].push_back({r.symbol, r.score, r.evidence});
    out << j.dump() << "\n";
  }
}

}  // namespace

void RunEval(const EvalArgs& a) {
  std::unique_ptr<Engine> engine;
  if (!a.train.empty()) {
    engine = TrainEngine(a.training, LoadOrDie(a.train));
  } else {
    auto e = Engine::Load(a.model, {});
    if (!e.ok()) Fail(e.status());
    engine = std::move(e).value();
  }
  for (const std::string& path : a.decide) {
    size_t n = 0;
    for (const Example& e : LoadOrDie({path})) {
      if (!e.is_spam || n >= a.decide_max) continue;
      engine->Learn(e.comment, true);
      ++n;
    }
    std::fprintf(stderr, "decided %zu spam comments of %s; %zu campaigns\n", n, path.c_str(),
                 engine->campaign_count());
  }
  std::vector<Example> ex = LoadOrDie(a.data);
  ApplyArticle(a.article, &ex);
  std::map<std::string, std::vector<Scored>> groups;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  std::vector<Verdict> verdicts;
  verdicts.reserve(ex.size());
  for (const Example& e : ex) verdicts.push_back(engine->Check(e.comment));
  if (a.hold_at) {
    EngineOptions opts;
    opts.hold_at = *a.hold_at;
    for (Verdict& v : verdicts) v.action = ActionFor(v.score, opts);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = ThreadCpuSeconds() - cpu_start;
  double cpu_rate = cpu > 0 ? ex.size() / cpu : 0;
  for (size_t i = 0; i < ex.size(); ++i) {
    Scored s{ex[i].is_spam, verdicts[i].score, verdicts[i].action};
    groups["all"].push_back(s);
    groups["length " + LengthBucket(ex[i].comment.body)].push_back(s);
    groups["source " + ex[i].source].push_back(s);
  }
  double rate = secs > 0 ? ex.size() / secs : 0;
  if (!a.dump.empty()) Dump(a.dump, ex, verdicts);
  if (a.json) {
    nlohmann::json j = {{"model", engine->model_version()},
                        {"comments_per_second", rate},
                        {"comments_per_cpu_second", cpu_rate}};
    for (const auto& [name, rows] : groups) j["groups"][name] = Compute(rows).ToJson();
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::printf("model %s, %zu comments, %.0f comments/s wall, %.0f per CPU-second (one thread)\n",
              engine->model_version().c_str(), ex.size(), rate, cpu_rate);
  std::printf("%-28s %6s %6s %8s %8s %8s %8s %8s %8s %9s %9s\n", "group", "spam", "ham", "prec",
              "recall", "F1", "FPR", "held", "AUC", "R@0.1%FPR", "R@0.5%FPR");
  for (const auto& [name, rows] : groups) PrintRow(name, Compute(rows));
  if (a.decide.empty()) return;
  // What the decided campaigns took of the legitimate comments.
  std::map<std::string, std::pair<int, int>> joined;  // source -> (ham in a campaign, ham)
  for (size_t i = 0; i < ex.size(); ++i) {
    if (ex[i].is_spam) continue;
    auto& [in, all] = joined[ex[i].source];
    ++all;
    for (const Reason& r : verdicts[i].reasons) in += r.symbol == "CAMPAIGN_SPAM";
  }
  for (const auto& [source, n] : joined) {
    std::printf("ham matching a decided campaign, %s: %d of %d\n", source.c_str(), n.first,
                n.second);
  }
}

}  // namespace tribune::spam::cli
