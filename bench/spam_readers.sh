#!/usr/bin/env bash
# spam_readers.sh — legitimate comments written to hit the rules' words.
#
# data/spam/review/readers.jsonl holds comments that ordinary readers could write
# where Tribune runs (news stories, technical forums with code, viewers under videos,
# Russian chats), each aimed at the words of a rule that holds a comment by itself.
# Every one should be published. The script scores them with a model and lists the
# ones held, with the rule that held each, so that a narrowing can be checked
# against them. They are never trained on.
#
#   bench/spam_readers.sh                       # the shipped model
#   MODEL=/tmp/m.model bench/spam_readers.sh
#
# Environment: BIN (tribune-spam; default build/src/spam/tribune-spam), MODEL
# (data/spam/starter.model), OUT (/tmp/spam-readers).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/build/src/spam/tribune-spam}
MODEL=${MODEL:-$ROOT/data/spam/starter.model}
OUT=${OUT:-/tmp/spam-readers}
mkdir -p "$OUT"
"$BIN" spam eval --model "$MODEL" --data "$ROOT/data/spam/review/readers.jsonl" \
  --dump "$OUT/readers.dump.jsonl" | grep -E '^(group|source)'
python3 - "$OUT/readers.dump.jsonl" <<'PY'
import collections, json, sys
held = collections.defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["action"] == "publish":
        continue
    rules = [x[0] for x in r["reasons"] if x[0] != "MODEL" and x[1] > 0]
    held[rules[0] if rules else "MODEL"].append((r["score"], r["body"]))
for rule, rows in sorted(held.items(), key=lambda kv: -len(kv[1])):
    print(f"{rule}: {len(rows)} held")
    for score, body in sorted(rows)[:3]:
        print(f"  {score:5.2f}  {body[:110]}")
PY
