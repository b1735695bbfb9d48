#!/usr/bin/env bash
# spam_folds.sh — the held-out evaluation of docs/spam.md ("Evaluation (held out)"): five
# folds, each fold's hold_at chosen by four-fold cross-validation inside its own training
# files, then the pooled figures.
#
#   bench/spam_folds.sh                  # about 6 min at JOBS=1, 3–4 min at JOBS=2
#   JOBS=2 OUT=/tmp/folds bench/spam_folds.sh
#
# Environment: BIN (tribune-spam binary; default build/src/spam/tribune-spam), DATASETS
# (../shared/datasets), OUT (/tmp/spam-folds), JOBS (folds run at once, default 1),
# KEY (hashing key, the shipped model's).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
B=${BIN:-$ROOT/build/src/spam/tribune-spam}
D=$(cd "${DATASETS:-$ROOT/../shared/datasets}" && pwd)
O=${OUT:-/tmp/spam-folds}
JOBS=${JOBS:-1}
K=(--key "${KEY:-8808003914476916577}")
mkdir -p "$O"

fold() {
  local k=$1 t="$O/f$1"
  mkdir -p "$t"
  "$B" spam split --data "$D/youtube_uci.jsonl" --by thread --folds 5 --fold "$k" --train-out "$t/yt_tr.jsonl" --test-out "$t/yt_te.jsonl"
  "$B" spam split --data "$D/indonesian_judol_dev.jsonl" --by id --folds 5 --fold "$k" --train-out "$t/id_tr.jsonl" --test-out "$t/id_te.jsonl"
  "$B" spam split --data "$D/fox_news_ham.jsonl" --by thread --folds 5 --fold "$k" --train-out "$t/fx_tr.jsonl" --test-out "$t/fx_te.jsonl"
  for j in 0 1 2 3; do  # hold_at of fold k: cross-validation inside its training files only
    "$B" spam split --data "$t/yt_tr.jsonl" --by thread --folds 4 --fold "$j" --train-out "$t/v_yt_tr.jsonl" --test-out "$t/v_yt_va.jsonl"
    "$B" spam split --data "$t/id_tr.jsonl" --by id --folds 4 --fold "$j" --train-out "$t/v_id_tr.jsonl" --test-out "$t/v_id_va.jsonl"
    "$B" spam split --data "$t/fx_tr.jsonl" --by thread --folds 4 --fold "$j" --train-out "$t/v_fx_tr.jsonl" --test-out "$t/v_fx_va.jsonl"
    "$B" spam eval "${K[@]}" --dump "$O/val$k.$j.jsonl" > /dev/null \
      --train "$t/v_yt_tr.jsonl,$t/v_id_tr.jsonl,$t/v_fx_tr.jsonl,$D/sms_spam_collection.jsonl" \
      --data "$t/v_yt_va.jsonl,$t/v_id_va.jsonl,$t/v_fx_va.jsonl"
  done
  local h
  h=$(python3 "$ROOT/bench/spam_threshold.py" "$O"/val"$k".?.jsonl | cut -d' ' -f2)
  echo "fold $k: hold_at $h"
  echo "$h" > "$O/hold_at$k"
  "$B" spam eval "${K[@]}" --hold-at "$h" --dump "$O/dump$k.jsonl" > "$O/eval$k.txt" \
    --train "$t/yt_tr.jsonl,$t/id_tr.jsonl,$t/fx_tr.jsonl,$D/sms_spam_collection.jsonl" \
    --data "$t/yt_te.jsonl,$t/id_te.jsonl,$t/fx_te.jsonl,$D/c3_globe_and_mail_ham.jsonl,$D/kocohub_naver_ham.jsonl,$D/seed_guardian_ge.jsonl"
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
