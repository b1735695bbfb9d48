#!/usr/bin/env python3
# Usage: spam_threshold.py DUMP.jsonl...
# The shipped hold_at, from out-of-fold verdicts of the training sources only (never C3,
# Naver, the seed or the evaluation-only sets): the smallest value on a 0.25 grid at which
# every ham source stays within its limit. The limits are the bars with a margin:
# news comments (Fox News) 0.1%, comments under social posts and Indonesian videos 0.5%,
# everything else (technical, YouTube, Russian, Georgian, SMS) 1%.
import json, sys

LIMITS = {"fox_news": 0.001, "instagram_scam": 0.005, "indonesian_judol": 0.005}
DEFAULT_LIMIT = 0.01
EVAL_ONLY = {"c3_globe_and_mail", "kocohub_naver", "seed_guardian_ge"}

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f)]
# Training sources are scored once (out of fold); the others by every model.
ids = {}
for r in rows:
    ids.setdefault(r["source"], []).append(r["id"])
trained = {s for s, v in ids.items() if len(v) == len(set(v)) and s not in EVAL_ONLY}
rows = [r for r in rows if r["source"] in trained]
ham = {}
for r in rows:
    if r["label"] == "ham":
        ham.setdefault(r["source"], []).append(r["score"])


def within(t):
    return all(sum(s >= t for s in v) <= LIMITS.get(k, DEFAULT_LIMIT) * len(v) for k, v in ham.items())


t = next(g / 4 for g in range(2, 41) if within(g / 4))
spam = [r["score"] for r in rows if r["label"] == "spam"]
print(f"hold_at {t}  (out of fold at {t}: " +
      ", ".join(f"{k} {100 * sum(s >= t for s in v) / len(v):.2f}%" for k, v in sorted(ham.items())) +
      f"; spam caught {100 * sum(s >= t for s in spam) / len(spam):.1f}%)")
