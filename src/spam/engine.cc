#include "spam/engine.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <random>

#include "spam/analysis.h"
#include "spam/campaigns/campaign_index.h"
#include "spam/lists.h"
#include "spam/model/features.h"
#include "spam/model/model_file.h"
#include "spam/signals/signal.h"
#include "spam/verdict.h"

namespace tribune::spam {
namespace {

std::string ListsDir(const EngineOptions& opts, const std::string& model_path) {
  if (!opts.lists_dir.empty()) return opts.lists_dir;
  std::filesystem::path p(model_path);
  return p.has_parent_path() ? p.parent_path().string() : ".";
}

uint64_t RandomKey() {
  std::random_device rd;
  return (static_cast<uint64_t>(rd()) << 32) ^ rd();
}

}  // namespace

Engine::Engine(EngineOptions opts, std::unique_ptr<Lists> lists,
               std::unique_ptr<model::ModelData> data)
    : opts_(std::move(opts)),
      lists_(std::move(lists)),
      data_(std::move(data)),
      campaigns_(std::make_unique<campaigns::CampaignIndex>()),
      articles_(std::make_unique<ArticleCache>()) {}

Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Load(const std::string& model_path, EngineOptions opts) {
  Result<model::ModelData> data = model::ReadModel(model_path);
  if (!data.ok()) return data.status();
  Result<std::unique_ptr<Lists>> lists = Lists::LoadDir(ListsDir(opts, model_path));
  if (!lists.ok()) return lists.status();
  auto md = std::make_unique<model::ModelData>(std::move(data).value());
  std::string blob = std::move(md->campaigns);
  std::unique_ptr<Engine> e(new Engine(std::move(opts), std::move(lists).value(), std::move(md)));
  if (!blob.empty()) TRIBUNE_RETURN_IF_ERROR(e->campaigns_->Deserialize(blob));
  return e;
}

Result<std::unique_ptr<Engine>> Engine::Create(const NewModelParams& p, EngineOptions opts) {
  Result<std::unique_ptr<Lists>> lists =
      opts.lists_dir.empty() ? Result<std::unique_ptr<Lists>>(std::make_unique<Lists>())
                             : Lists::LoadDir(opts.lists_dir);
  if (!lists.ok()) return lists.status();
  auto md = std::make_unique<model::ModelData>();
  md->name = p.name;
  md->space = {p.key ? p.key : RandomKey(), p.bits};
  md->ftrl = std::make_unique<model::Ftrl>(p.bits, model::FtrlParams{p.alpha, p.beta, p.l1, p.l2});
  return std::unique_ptr<Engine>(
      new Engine(std::move(opts), std::move(lists).value(), std::move(md)));
}

double Engine::ScoreOf(const std::string& symbol, double builtin) const {
  auto it = opts_.scores.find(symbol);
  return it == opts_.scores.end() ? builtin : it->second;
}

Verdict Engine::Check(const CommentInput& c) const {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  signals::Hits hits;
  signals::RunAll(a, &hits);
  model::FeatureSet f;
  model::ExtractFeatures(a, hits, data_->space, /*keep_names=*/true, /*hosts=*/true, &f);
  std::shared_lock lock(mu_);
  VerdictBuilder vb(opts_);
  for (const signals::Hit& h : hits) vb.AddRule(h);
  // Without words the model has nothing to judge; the rules speak alone.
  if (!a.body.words.empty()) vb.AddModel(data_->ftrl->Logit(f), f, *data_->ftrl);
  if (campaigns_->size() > 0 &&
      a.body.text.size() >= static_cast<size_t>(opts_.campaign_min_chars)) {
    auto sig = campaigns::Sign(a.body.text, data_->space.key);
    if (auto m = campaigns_->Find(sig, opts_.campaign_similarity)) vb.AddCampaign(*m);
  }
  return vb.Finish(data_->name + "." + std::to_string(data_->revision));
}

double Engine::ModelProbability(const CommentInput& c) const {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  signals::Hits hits;
  signals::RunAll(a, &hits);
  model::FeatureSet f;
  model::ExtractFeatures(a, hits, data_->space, false, true, &f);
  std::shared_lock lock(mu_);
  return 1.0 / (1.0 + std::exp(-data_->ftrl->Logit(f)));
}

void Engine::Update(const CommentInput& c, bool is_spam, double weight, bool with_campaigns) {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  signals::Hits hits;
  signals::RunAll(a, &hits);
  model::FeatureSet f;
  model::ExtractFeatures(a, hits, data_->space, false, /*hosts=*/with_campaigns, &f);
  std::unique_lock lock(mu_);
  data_->ftrl->Update(f, is_spam ? 1.0 : 0.0, weight);
  if (!with_campaigns) return;
  ++data_->revision;
  if (a.body.text.size() >= static_cast<size_t>(opts_.campaign_min_chars)) {
    campaigns_->Add(campaigns::Sign(a.body.text, data_->space.key), is_spam, weight,
                    opts_.campaign_similarity);
  }
}

void Engine::Learn(const CommentInput& c, bool is_spam, double weight) {
  Update(c, is_spam, weight, true);
}

void Engine::Train(const CommentInput& c, bool is_spam, double weight) {
  Update(c, is_spam, weight, false);
}

Status Engine::Save(const std::string& path) const {
  std::unique_lock lock(mu_);  // exclusive: it borrows data_->campaigns
  data_->campaigns.clear();
  campaigns_->Serialize(&data_->campaigns);
  Status st = model::WriteModel(path, *data_);
  data_->campaigns.clear();
  return st;
}

std::string Engine::model_version() const {
  std::shared_lock lock(mu_);
  return data_->name + "." + std::to_string(data_->revision);
}

size_t Engine::campaign_count() const {
  std::shared_lock lock(mu_);
  return campaigns_->size();
}

}  // namespace tribune::spam
