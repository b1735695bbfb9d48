#!/usr/bin/env bash
# spam_loso.sh — leave one source out: how the filter does on a genre it has never seen.
#
# For every training source (data/spam/training-sources.txt), train a model on all the
# others and score the left-out source, the Globe and Mail news comments (C3, never
# trained on), the Korean Naver news comments (never trained on) and the seed comments.
# A model trained on every source also scores the sets no model trains on
# (data/spam/evaluation-sources.txt): real spam of genres absent from training.
# Sources with spam report recall; ham-only sources report how many of their comments a
# model that never saw the genre holds. The summary (bench/spam_loso.py) is the headline
# table of docs/spam.md.
#
#   bench/spam_loso.sh                       # about 4 min at JOBS=2
#   JOBS=2 OUT=/tmp/loso bench/spam_loso.sh
#   ONLY=wp_blog_spam bench/spam_loso.sh     # one left-out source (ONLY=all: the model of all)
#
# Environment: BIN (tribune-spam; default build/src/spam/tribune-spam), DATASETS
# (../shared/datasets), EXTRA_DATASETS (where the extra sources of training-sources.txt
# are, see data/spam/NOTICE; default ../extra-data), OUT (/tmp/spam-loso), JOBS (2),
# KEY (hashing key, the shipped model's), HOLD_AT (the shipped hold_at).
set -euo pipefail
# shellcheck source=bench/spam_sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/spam_sources.sh"
spam_bench_env /tmp/spam-loso
EVAL=("$D/c3_globe_and_mail_ham.jsonl" "$D/kocohub_naver_ham.jsonl" "$D/seed_guardian_ge.jsonl")

leave_out() {
  local out=$1 name
  name=$(basename "$out" .jsonl)
  local train=()
  for f in "${FILES[@]}"; do [[ $f == "$out" ]] || train+=("$f"); done
  "$B" spam eval "${K[@]}" ${HOLD_AT:+--hold-at "$HOLD_AT"} --dump "$O/$name.dump.jsonl" \
    --train "$(IFS=,; echo "${train[*]}")" \
    --data "$(IFS=,; echo "$out,${EVAL[*]}")" > "$O/$name.eval.txt"
  echo "left out $name"
}

# One model trained on every source scores the sets that no model ever trains on.
all_sources() {
  "$B" spam eval "${K[@]}" ${HOLD_AT:+--hold-at "$HOLD_AT"} --dump "$O/all.never.jsonl" \
    --train "$(IFS=,; echo "${FILES[*]}")" \
    --data "$(IFS=,; echo "${NEVER[*]}" "${EVAL[*]}" | tr ' ' ',')" > "$O/all.eval.txt"
  echo "trained on all"
}

running=0
if [[ -z ${ONLY:-} || ",$ONLY," == *,all,* ]]; then all_sources & running=1; fi
for f in "${FILES[@]}"; do
  [[ -z ${ONLY:-} || ",$ONLY," == *",$(basename "$f" .jsonl),"* ]] || continue
  leave_out "$f" &
  running=$((running + 1))
  if (( running >= JOBS )); then wait -n; running=$((running - 1)); fi
done
wait
python3 "$ROOT/bench/spam_loso.py" "$O" ${HOLD_AT:+--hold-at "$HOLD_AT"}
