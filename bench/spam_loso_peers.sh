#!/usr/bin/env bash
# spam_loso_peers.sh — leave one source out, Tribune beside bogofilter, in one run.
#
# For every training source with spam (data/spam/training-sources.txt), Tribune and bogofilter
# are each trained on all the other training sources and score the left-out source and the
# Globe and Mail news comments (C3, which nothing trains on). The question: does a
# well-known statistical filter, given the same data, generalise to a genre it never saw
# better or worse than Tribune? Summary (bench/spam_loso_peers.py) in docs/spam-peers.md.
#
#   bench/spam_loso_peers.sh                  # about 25 min at JOBS=2
#   ONLY=sms_spam_collection bench/spam_loso_peers.sh
#
# bogofilter is driven by the peers' own driver (PEERS_DIR/eval.py: every comment wrapped as
# a minimal e-mail with identical headers; bogofilter's built-in cut-offs), trained on every
# comment of the other sources as they are (it has no weighting of sources; Tribune weighs
# them so none dominates, as it does when it trains the shipped model).
#
# Environment: as bench/spam_loso.sh (BIN, DATASETS, EXTRA_DATASETS, OUT (/tmp/spam-loso-peers),
# JOBS, KEY, HOLD_AT), and PEERS_DIR (../shared/peers/spam-baselines), ONLY (comma list of
# source names).
set -euo pipefail
# shellcheck source=bench/spam_sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/spam_sources.sh"
spam_bench_env /tmp/spam-loso-peers
P=$(cd "${PEERS_DIR:-$ROOT/../shared/peers/spam-baselines}" && pwd)
NEWS=$D/c3_globe_and_mail_ham.jsonl

if ! command -v bogofilter >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bogofilter >&2
fi

has_spam() { grep -q '"label": *"spam"' "$1"; }

SOURCES=()
for f in "${FILES[@]}"; do
  name=$(basename "$f" .jsonl)
  [[ -z ${ONLY:-} || ",$ONLY," == *",$name,"* ]] || continue
  has_spam "$f" && SOURCES+=("$f")
done

tribune() {  # tribune LEFT_OUT
  local out=$1 name train=()
  name=$(basename "$out" .jsonl)
  for f in "${FILES[@]}"; do [[ $f == "$out" ]] || train+=("$f"); done
  "$B" spam eval "${K[@]}" ${HOLD_AT:+--hold-at "$HOLD_AT"} --dump "$O/$name.tribune.jsonl" \
    --train "$(IFS=,; echo "${train[*]}")" --data "$out,$NEWS" > "$O/$name.tribune.txt"
  echo "tribune: left out $name" >&2
}

bogofilter_fold() {  # bogofilter_fold LEFT_OUT
  local out=$1 name w
  name=$(basename "$out" .jsonl)
  w=$O/$name.bogofilter
  rm -rf "$w"; mkdir -p "$w"
  for f in "${FILES[@]}"; do [[ $f == "$out" ]] || cat "$f"; done > "$w/train.jsonl"
  cat "$out" "$NEWS" > "$w/test.jsonl"
  BASELINES=bogofilter SPAM_BASE=$w/base PRED_DIR=$w/pred OUT_JSON=$w/result.json \
    python3 "$P/eval.py" "$w/train.jsonl" "$w/test.jsonl" > "$w/report.md" 2> "$w/log.txt"
  rm -rf "$w/base/work/mail" "$w/train.jsonl"
  echo "bogofilter: left out $name" >&2
}

running=0
for f in "${SOURCES[@]}"; do
  for job in tribune bogofilter_fold; do
    "$job" "$f" &
    running=$((running + 1))
    if ((running >= JOBS)); then wait -n; running=$((running - 1)); fi
  done
done
wait
python3 "$ROOT/bench/spam_loso_peers.py" "$O" "${SOURCES[@]}"
