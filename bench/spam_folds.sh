#!/usr/bin/env bash
# spam_folds.sh — in-source evaluation: five folds of every training source, split by
# thread (video, article, post, issue) where the source has threads and by id where it
# has none. Model k trains on the other four folds of every source and scores fold k of
# every source, the Globe and Mail (C3) and Naver news comments, the seed comments and
# the evaluation-only sets; every training comment is scored once, by a model that never
# saw its thread. bench/spam_pool.py then reports each source, and bench/spam_threshold.py
# picks the shipped hold_at from these out-of-fold scores of the training sources alone.
#
#   JOBS=2 OUT=/tmp/spam-folds bench/spam_folds.sh     # about 8 min at JOBS=2
#
# Environment: BIN (tribune-spam; default build/src/spam/tribune-spam), DATASETS
# (../shared/datasets), EXTRA_DATASETS (../extra-data), OUT (/tmp/spam-folds), JOBS (2),
# KEY (hashing key, the shipped model's), HOLD_AT (the shipped hold_at), TRAIN_FLAGS.
set -euo pipefail
# shellcheck source=bench/spam_sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/spam_sources.sh"
spam_bench_env /tmp/spam-folds
EVAL=("$D/c3_globe_and_mail_ham.jsonl" "$D/kocohub_naver_ham.jsonl" "$D/seed_guardian_ge.jsonl" "${NEVER[@]}")

fold() {
  local k=$1 t="$O/f$1" train=() test=()
  mkdir -p "$t"
  for f in "${FILES[@]}"; do
    local n
    n=$(basename "$f" .jsonl)
    "$B" spam split --data "$f" --by auto --folds 5 --fold "$k" \
      --train-out "$t/$n.train.jsonl" --test-out "$t/$n.test.jsonl" > /dev/null
    train+=("$t/$n.train.jsonl")
    test+=("$t/$n.test.jsonl")
  done
  "$B" spam eval "${K[@]}" ${HOLD_AT:+--hold-at "$HOLD_AT"} --dump "$O/dump$k.jsonl" \
    --train "$(IFS=,; echo "${train[*]}")" \
    --data "$(IFS=,; echo "${test[*]},${EVAL[*]}")" > "$O/eval$k.txt"
  echo "fold $k done"
}

running=0
for k in 0 1 2 3 4; do
  fold "$k" &
  running=$((running + 1))
  if (( running >= JOBS )); then wait -n; running=$((running - 1)); fi
done
wait
python3 "$ROOT/bench/spam_pool.py" "$O"
python3 "$ROOT/bench/spam_threshold.py" "$O"/dump?.jsonl
