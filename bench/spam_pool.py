#!/usr/bin/env python3
# Pools the five fold dumps of bench/spam_folds.sh (DIR/dump0..4.jsonl) into the
# held-out figures of docs/spam.md.  Usage: spam_pool.py DIR
import json, sys
rows = [json.loads(l) for k in range(5) for l in open(f"{sys.argv[1]}/dump{k}.jsonl")]
src = lambda r: r["id"].split(":")[0]
def words(r):
    n = len(r["body"].split()); return "<10" if n < 10 else "10-30" if n <= 30 else ">30"
def report(name, spam, ham):
    flag = lambda r: r["action"] != "publish"
    line = f"{name:26s} spam {len(spam):5d} ham {len(ham):6d}"
    if spam: line += f"  recall {100*sum(map(flag, spam))/len(spam):5.1f}%"
    if ham: line += f"  FPR {100*sum(map(flag, ham))/len(ham):5.3f}%"
    if spam and ham:
        hs = sorted((r["score"] for r in ham), reverse=True)
        for f in (0.001, 0.005):
            t = hs[int(f * len(hs))]
            line += f"  R@{f:.1%}FPR {100*sum(r['score'] > t for r in spam)/len(spam):5.1f}%"
        pairs = sum((s["score"] > h["score"]) + 0.5 * (s["score"] == h["score"]) for s in spam[::7] for h in ham[::7])
        line += f"  AUC~{100*pairs/(len(spam[::7])*len(ham[::7])):5.2f}%"
    print(line)
unseen = [r for r in rows if r["label"] == "spam" and src(r) in ("youtube_uci", "indonesian_judol")]
fox = [r for r in rows if src(r) == "fox_news"]  # held-out fold of each model
other = [r for r in rows if src(r) in ("c3_globe_and_mail", "kocohub_naver")]  # 5 models each
news = fox + other
report("unseen spam vs news ham", unseen, news)
for b in ("<10", "10-30", ">30"):
    report(f"  length {b} words", [r for r in unseen if words(r) == b], [r for r in news if words(r) == b])
for s in ("youtube_uci", "indonesian_judol"):
    report(f"  {s} (unseen)", [r for r in unseen if src(r) == s], news)
for s in ("fox_news", "c3_globe_and_mail", "kocohub_naver"):
    report(f"  ham {s}", [], [r for r in news if src(r) == s])
report("youtube ham (unseen)", [], [r for r in rows if src(r) == "youtube_uci" and r["label"] == "ham"])
report("indonesian ham (unseen)", [], [r for r in rows if src(r) == "indonesian_judol" and r["label"] == "ham"])
seed = [r for r in rows if src(r) == "seed_guardian_ge"]
print("seed comments not published:", sum(r["action"] != "publish" for r in seed), "of", len(seed))
