// One pass for the rule patterns. Most of the ~110 rule patterns do not
// match a given comment, and RE2 still reads the whole text to say so, once
// per pattern. RE2's FilteredRE2 reduces every pattern to the literal
// strings ("atoms") some of which any match must contain; one vectorscan
// database of all the atoms scans the folded body once when RunAll begins,
// and Find answers "no match" at once for a pattern whose atoms are absent.
// (Compiling the patterns themselves into vectorscan takes a minute: their
// bounded repeats and alternations of phrases explode its automata; literal
// atoms compile in milliseconds.)
//
// Patterns are known by address: a rule pattern given to Find on the folded
// body is registered at its first use (every rule pattern is a static), and
// the database is rebuilt on a thread of its own when new ones have been
// met (100-200 ms: no check waits for it). Until then a new pattern runs
// with RE2 alone. The builder reads copies of the patterns, never the
// rules' own objects, so a build still running at exit touches nothing
// that static destructors free.
#include <hs/hs.h>
#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "spam/signals/signal.h"

namespace tribune::spam::signals {
namespace {

// Atoms shorter than this are not looked for: a pattern whose every way of
// matching needs only shorter literals is always run.
constexpr int kMinAtom = 3;

struct Database {
  re2::FilteredRE2 filter{kMinAtom};
  hs_database_t* atoms = nullptr;           // the filter's atoms, as literals
  std::unordered_map<const RE2*, int> ids;  // the pattern's id in `filter`, -1: always run
  size_t registered = 0;                    // patterns known when it was built
  int count = 0;
  uint64_t generation = 0;
  ~Database() {
    if (atoms) hs_free_database(atoms);
  }
};

// A pattern as registered: its text and options, copied; the rule's own
// object only as the key it is known by.
struct Pattern {
  const RE2* key;
  std::string text;
  RE2::Options options;
};

struct Registry {
  std::mutex mu;
  std::condition_variable built;
  std::vector<Pattern> patterns;  // in the order first met
  std::unordered_set<const RE2*> known;
  std::atomic<size_t> count{0};  // patterns.size()
  std::atomic<std::shared_ptr<const Database>> current{std::make_shared<Database>()};
  // current's generation: a check reloads `current` only when it changed,
  // so that the checks of many threads read this word and write nothing.
  std::atomic<uint64_t> published{0};
  bool building = false;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry();  // outlives every thread's last check
  return *registry;
}

std::shared_ptr<const Database> Build(const std::vector<Pattern>& patterns) {
  static std::atomic<uint64_t> generations{0};
  auto db = std::make_shared<Database>();
  db->registered = patterns.size();
  db->generation = ++generations;
  for (const Pattern& p : patterns) {
    int id = -1;
    if (db->filter.Add(p.text, p.options, &id) != RE2::NoError) id = -1;
    db->ids[p.key] = id;
  }
  db->count = db->filter.NumRegexps();
  if (db->count == 0) return db;
  std::vector<std::string> atoms;
  db->filter.Compile(&atoms);
  if (atoms.empty()) return db;
  std::vector<const char*> exprs;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (size_t i = 0; i < atoms.size(); ++i) {
    exprs.push_back(atoms[i].data());
    lengths.push_back(atoms[i].size());
    flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_CASELESS);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db->atoms,
                           &err) != HS_SUCCESS) {
    if (err) hs_free_compile_error(err);
    db->atoms = nullptr;
    for (auto& [re, id] : db->ids) id = -1;  // every pattern with RE2 alone
    db->count = 0;
  }
  return db;
}

// Starts a build of the patterns registered so far, unless one is running
// or the current database has them all.
void StartBuild() {
  Registry& r = TheRegistry();
  std::vector<Pattern> patterns;
  {
    std::lock_guard lock(r.mu);
    if (r.building || r.patterns.size() == r.current.load()->registered) return;
    r.building = true;
    patterns = r.patterns;
  }
  auto build = [](std::vector<Pattern> patterns) {
    std::shared_ptr<const Database> db;
    try {
      db = Build(patterns);
    } catch (const std::exception&) {
      // Out of memory: the patterns run with RE2 until a later try.
    }
    Registry& r = TheRegistry();
    std::lock_guard lock(r.mu);
    if (db) {
      uint64_t generation = db->generation;
      r.current.store(std::move(db));
      r.published.store(generation, std::memory_order_release);
    }
    r.building = false;
    r.built.notify_all();
  };
  try {
    std::thread(build, std::move(patterns)).detach();
  } catch (const std::system_error&) {
    std::lock_guard lock(r.mu);  // no thread to be had: a later check tries again
    r.building = false;
    r.built.notify_all();
  }
}

// Brings `db` (a thread's own reference) up to the published database, and
// starts a build when patterns were met since it was built.
void Refresh(std::shared_ptr<const Database>* db) {
  Registry& r = TheRegistry();
  if (!*db || (*db)->generation != r.published.load(std::memory_order_acquire)) {
    *db = r.current.load();
  }
  if (r.count.load(std::memory_order_acquire) != (*db)->registered) StartBuild();
}

void Register(const RE2& re) {
  Registry& r = TheRegistry();
  std::lock_guard lock(r.mu);
  if (!r.known.insert(&re).second) return;
  r.patterns.push_back({&re, re.pattern(), re.options()});
  r.count.store(r.patterns.size(), std::memory_order_release);
}

PrefilterMode InitialMode() {
  const char* env = std::getenv("TRIBUNE_SPAM_PREFILTER");
  if (env && std::strcmp(env, "off") == 0) return PrefilterMode::kOff;
  if (env && std::strcmp(env, "verify") == 0) return PrefilterMode::kVerify;
  return PrefilterMode::kOn;
}

std::atomic<PrefilterMode> g_mode{InitialMode()};
std::atomic<size_t> g_misses{0};

// The scan of the text RunAll is judging, on this thread.
struct ThreadScan {
  bool active = false;
  const char* data = nullptr;
  size_t size = 0;
  std::shared_ptr<const Database> db;
  std::vector<int> atoms;          // the atoms found
  std::vector<int> potential;      // the patterns they leave possible
  std::vector<unsigned char> hit;  // by pattern id
  hs_scratch_t* scratch = nullptr;
  uint64_t scratch_for = 0;  // the generation `scratch` fits
  ~ThreadScan() {
    if (scratch) hs_free_scratch(scratch);
  }
};

thread_local ThreadScan t_scan;

int OnAtom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

}  // namespace

void SetPrefilterMode(PrefilterMode mode) { g_mode.store(mode); }

void AwaitPrefilter() {
  Registry& r = TheRegistry();
  while (r.count.load() != r.current.load()->registered) {
    StartBuild();
    std::unique_lock lock(r.mu);
    r.built.wait(lock, [&] { return !r.building; });
  }
}
size_t PrefilterMisses() { return g_misses.load(); }

PrefilterScope::PrefilterScope(std::string_view text) {
  ThreadScan& s = t_scan;
  if (s.active || g_mode.load(std::memory_order_relaxed) == PrefilterMode::kOff) return;
  Refresh(&s.db);
  s.data = text.data();
  s.size = text.size();
  s.atoms.clear();
  if (s.db->atoms) {
    if (s.scratch_for != s.db->generation) {
      if (hs_alloc_scratch(s.db->atoms, &s.scratch) != HS_SUCCESS) return;
      s.scratch_for = s.db->generation;
    }
    if (hs_scan(s.db->atoms, text.data(), static_cast<unsigned>(text.size()), 0, s.scratch, OnAtom,
                &s.atoms) != HS_SUCCESS) {
      return;
    }
  }
  s.hit.assign(static_cast<size_t>(s.db->count), 0);
  if (s.db->count > 0) {
    s.db->filter.AllPotentials(s.atoms, &s.potential);
    for (int id : s.potential) s.hit[static_cast<size_t>(id)] = 1;
  }
  s.active = true;
  owner_ = true;
}

PrefilterScope::~PrefilterScope() {
  if (!owner_) return;
  ThreadScan& s = t_scan;
  s.active = false;
  s.data = nullptr;
  s.size = 0;
}

bool MayMatch(std::string_view text, const RE2& re) {
  const ThreadScan& s = t_scan;
  if (!s.active || text.data() != s.data || text.size() != s.size) return true;
  auto it = s.db->ids.find(&re);
  if (it == s.db->ids.end()) {
    Register(re);
    return true;
  }
  if (it->second < 0 || s.hit[static_cast<size_t>(it->second)]) return true;
  if (g_mode.load(std::memory_order_relaxed) == PrefilterMode::kVerify &&
      RE2::PartialMatch(text, re)) {
    if (g_misses.fetch_add(1) < 10) {
      std::fprintf(stderr, "spam prefilter missed a match of pattern %.80s\n",
                   re.pattern().c_str());
    }
    return true;
  }
  return false;
}

}  // namespace tribune::spam::signals
