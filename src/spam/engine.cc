#include "spam/engine.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <random>

#include "spam/analysis.h"
#include "spam/campaigns/campaign_index.h"
#include "spam/campaigns/fingerprint.h"
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

Engine::Engine(EngineOptions opts, SymbolTable symbols, std::shared_ptr<const Lists> lists,
               std::unique_ptr<model::ModelData> data)
    : opts_(std::move(opts)),
      symbols_(std::move(symbols)),
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
  Result<SymbolTable> symbols = SymbolTable::Defaults().With(opts.symbols);
  if (!symbols.ok()) return symbols.status();
  auto md = std::make_unique<model::ModelData>(std::move(data).value());
  std::string blob = std::move(md->campaigns);
  std::unique_ptr<Engine> e(new Engine(std::move(opts), std::move(symbols).value(),
                                       std::move(lists).value(), std::move(md)));
  if (!blob.empty()) TRIBUNE_RETURN_IF_ERROR(e->campaigns_->Deserialize(blob));
  return e;
}

Result<std::unique_ptr<Engine>> Engine::Create(const NewModelParams& p, EngineOptions opts) {
  Result<std::unique_ptr<Lists>> lists =
      opts.lists_dir.empty() ? Result<std::unique_ptr<Lists>>(std::make_unique<Lists>())
                             : Lists::LoadDir(opts.lists_dir);
  if (!lists.ok()) return lists.status();
  Result<SymbolTable> symbols = SymbolTable::Defaults().With(opts.symbols);
  if (!symbols.ok()) return symbols.status();
  auto md = std::make_unique<model::ModelData>();
  md->name = p.name;
  md->space = {p.key ? p.key : RandomKey(), p.bits};
  md->ftrl = std::make_unique<model::Ftrl>(p.bits, model::FtrlParams{p.alpha, p.beta, p.l1, p.l2});
  return std::unique_ptr<Engine>(new Engine(std::move(opts), std::move(symbols).value(),
                                            std::move(lists).value(), std::move(md)));
}

Verdict Engine::Check(const CommentInput& c) const {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  signals::Hits hits;
  signals::RunAll(a, &hits);
  model::FeatureSet f;
  model::ExtractFeatures(a, hits, data_->space, /*keep_names=*/true, /*hosts=*/true, &f);
  std::shared_lock lock(mu_);
  VerdictBuilder vb(opts_, symbols_);
  for (const signals::Hit& h : hits) vb.AddRule(h);
  // Without words the model has nothing to judge; the rules speak alone.
  if (!a.body.words.empty()) vb.AddModel(data_->ftrl->Logit(f), f, *data_->ftrl, a.body.words);
  if (campaigns_->size() > 0) {
    auto print = campaigns::FingerprintOf(a, data_->space.key, opts_.campaign_min_chars);
    if (auto m = campaigns_->Find(print, opts_.campaign_similarity)) vb.AddCampaign(*m);
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
  campaigns_->Add(campaigns::FingerprintOf(a, data_->space.key, opts_.campaign_min_chars), is_spam,
                  weight, opts_.campaign_similarity);
}

void Engine::Learn(const CommentInput& c, bool is_spam, double weight) {
  Update(c, is_spam, weight, true);
}

void Engine::Train(const CommentInput& c, bool is_spam, double weight) {
  Update(c, is_spam, weight, false);
}

model::FeatureSet Engine::TrainingFeatures(const CommentInput& c,
                                           model::FeatureSet* without_rules) const {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  signals::Hits hits;
  signals::RunAll(a, &hits);
  model::FeatureSet f;
  model::ExtractFeatures(a, hits, data_->space, false, /*hosts=*/false, &f);
  f.index.shrink_to_fit();
  f.value.shrink_to_fit();
  if (without_rules != nullptr) {
    model::ExtractFeatures(a, {}, data_->space, false, /*hosts=*/false, without_rules);
    without_rules->index.shrink_to_fit();
    without_rules->value.shrink_to_fit();
  }
  return f;
}

void Engine::Train(const model::FeatureSet& f, bool is_spam, double weight) {
  std::unique_lock lock(mu_);
  data_->ftrl->Update(f, is_spam ? 1.0 : 0.0, weight);
}

campaigns::Fingerprint Engine::FingerprintOf(const CommentInput& c) const {
  Analysis a = Analyze(c, *lists_, articles_.get(), opts_.site_language);
  return campaigns::FingerprintOf(a, data_->space.key, opts_.campaign_min_chars);
}

std::optional<CampaignHit> Engine::CampaignOf(const CommentInput& c, double min_similarity) const {
  return CampaignOf(FingerprintOf(c), min_similarity);
}

std::optional<CampaignHit> Engine::CampaignOf(const campaigns::Fingerprint& f,
                                              double min_similarity) const {
  std::shared_lock lock(mu_);
  auto m = campaigns_->Find(f, min_similarity);
  if (!m) return std::nullopt;
  return CampaignHit{m->id, m->similarity, m->artifact, m->campaign->spam > m->campaign->ham};
}

std::unique_ptr<Engine> Engine::Clone() const {
  std::shared_lock lock(mu_);
  auto md = std::make_unique<model::ModelData>();
  md->name = data_->name;
  md->revision = data_->revision;
  md->space = data_->space;
  md->ftrl = std::make_unique<model::Ftrl>(*data_->ftrl);
  std::unique_ptr<Engine> e(new Engine(opts_, symbols_, lists_, std::move(md)));
  std::string blob;
  campaigns_->Serialize(&blob);
  (void)e->campaigns_->Deserialize(blob);  // its own output always reads back
  return e;
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
