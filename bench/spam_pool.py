#!/usr/bin/env python3
# Pools the five fold dumps of bench/spam_folds.sh (DIR/dump0..4.jsonl) into the in-source
# figures of docs/spam.md. Training sources appear once (out of fold); the news sets, the
# seed and the evaluation-only sets are scored by all five models.  Usage: spam_pool.py DIR
import json, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from spam_loso import auc, pct

NEWS = "c3_globe_and_mail"
SHARED_EVAL = {NEWS, "kocohub_naver", "seed_guardian_ge"}

rows = [json.loads(l) for k in range(5) for l in open(f"{sys.argv[1]}/dump{k}.jsonl")]
flagged = lambda r: r["action"] != "publish"
share = lambda xs, f: (sum(map(f, xs)) / len(xs)) if xs else None
news = [r for r in rows if r["source"] == NEWS]
hs = sorted((r["score"] for r in news), reverse=True)
t05 = hs[int(0.005 * len(hs))]


def words(r):
    n = len(r["body"].split())
    return "<10" if n < 10 else "10-30" if n <= 30 else ">30"


def line(name, spam, ham):
    return (f"| {name} | {len(spam)} | {len(ham)} | {pct(share(spam, flagged))} | "
            f"{pct(share(spam, lambda r: r['score'] > t05))} | {pct(share(ham, flagged), 2)} | "
            f"{pct(auc([r['score'] for r in spam], [r['score'] for r in news]))} | "
            f"{pct(auc([r['score'] for r in spam], [r['score'] for r in ham]))} |")


def rule_share(spam):
    """Share of the score of flagged spam carried by named rules rather than MODEL."""
    named = model = 0.0
    for r in spam:
        if not flagged(r):
            continue
        for sym, score, _ in r.get("reasons") or []:
            if score <= 0:
                continue
            if sym == "MODEL":
                model += score
            else:
                named += score
    return named / (named + model) if named + model else None


# A source scored by all five models was never trained on (each of its ids appears 5 times).
ids = {}
for r in rows:
    ids.setdefault(r["source"], []).append(r["id"])
trained = {s for s, v in ids.items() if len(v) == len(set(v))}
print("| source (out of fold) | spam | ham | caught | caught @0.5% news FPR | ham held | "
      "ROC AUC vs news | ROC AUC vs own ham |")
print("|---|---|---|---|---|---|---|---|")
by_source = {}
for r in rows:
    by_source.setdefault(r["source"], []).append(r)
for src in sorted(by_source):
    if src in SHARED_EVAL:
        continue
    own = by_source[src]
    print(line(src if src in trained else f"{src} (never trained on, 5 models)", [r for r in own if r["label"] == "spam"], [r for r in own if r["label"] == "ham"]))
print(line("news ham: Globe and Mail (C3), 5 models", [], news))
naver = by_source.get("kocohub_naver", [])
print(line("Korean news ham: Naver, 5 models", [], naver))
all_spam = [r for r in rows if r["label"] == "spam" and r["source"] in trained]
for b in ("<10", "10-30", ">30"):
    print(line(f"all spam, {b} words (ham: C3 of that length)", [r for r in all_spam if words(r) == b],
               [r for r in news if words(r) == b]))
seed = by_source.get("seed_guardian_ge", [])
print(f"\nseed comments not published: {sum(map(flagged, seed))} of {len(seed)} (5 models x 20)")
print(f"share of flagged spam's score carried by named rules (not MODEL): {pct(rule_share(all_spam))}")
