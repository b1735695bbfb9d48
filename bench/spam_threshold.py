#!/usr/bin/env python3
# Usage: spam_threshold.py DUMP.jsonl...
# hold_at from out-of-fold verdicts of training data (never the reported test data):
# the smallest value on a 0.25 grid at which (a) no Fox News comment is flagged and
# (b) at most 0.3% of all ham (Fox, YouTube and Indonesian) is flagged.
import json, sys
rows = [json.loads(l) for f in sys.argv[1:] for l in open(f)]
rows = [r for r in rows if r["id"].split(":")[0] in ("youtube_uci", "indonesian_judol", "fox_news")]
ham = [r["score"] for r in rows if r["label"] == "ham"]
fox = [r["score"] for r in rows if r["id"].startswith("fox_news")]
spam = [r["score"] for r in rows if r["label"] == "spam"]
t = next(t / 4 for t in range(2, 41) if max(fox) < t / 4 and sum(s >= t / 4 for s in ham) <= 0.003 * len(ham))
print(f"hold_at {t}  (validation: ham {sum(s >= t for s in ham)}/{len(ham)} flagged, "
      f"Fox {sum(s >= t for s in fox)}/{len(fox)}, spam recall {100 * sum(s >= t for s in spam) / len(spam):.1f}%)")
