#!/usr/bin/env python3
# Usage: spam_threshold.py DUMP.jsonl...
# Out-of-fold verdicts of the training sources only (never C3, Naver, the seed or the
# evaluation-only sets): held-or-worse share of each ham source and the spam caught, at
# hold_at values on a 0.25 grid, and the smallest value at which every ham source stays
# within the bars (news comments 0.3%, social posts and Indonesian videos 1%, the
# rest 2%). The shipped hold_at (1.75) was set before these sources existed and is kept;
# this table shows what it costs and what a site could choose instead.
import json, sys

BARS = {"fox_news": 0.003, "instagram_scam": 0.01, "indonesian_judol": 0.01}
DEFAULT_BAR = 0.02
EVAL_ONLY = {"c3_globe_and_mail", "kocohub_naver", "seed_guardian_ge"}

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f)]
# Training sources are scored once (out of fold); the others by every model.
ids = {}
for r in rows:
    ids.setdefault(r["source"], []).append(r["id"])
trained = {s for s, v in ids.items() if len(v) == len(set(v)) and s not in EVAL_ONLY}
rows = [r for r in rows if r["source"] in trained]
ham, spam = {}, {}
for r in rows:
    (ham if r["label"] == "ham" else spam).setdefault(r["source"], []).append(r["score"])
share = lambda v, t: sum(s >= t for s in v) / len(v)
print("| hold_at | " + " | ".join(f"{k} ham" for k in sorted(ham)) + " | " +
      " | ".join(f"{k} spam" for k in sorted(spam)) + " |")
print("|---" * (1 + len(ham) + len(spam)) + "|")
for g in range(4, 17):
    t = g / 4
    print(f"| {t} | " + " | ".join(f"{100 * share(v, t):.2f}%" for _, v in sorted(ham.items())) +
          " | " + " | ".join(f"{100 * share(v, t):.1f}%" for _, v in sorted(spam.items())) + " |")
within = lambda t: all(share(v, t) <= BARS.get(k, DEFAULT_BAR) for k, v in ham.items())
best = next((g / 4 for g in range(2, 41) if within(g / 4)), None)
print(f"\nsmallest hold_at within the bars out of fold: {best}")
