# The training sources of the shipped model (data/spam/training-sources.txt) and the
# evaluation-only sources (evaluation-sources.txt), as paths. training_files DATASETS_DIR
# EXTRA_DIR prints one path a line; an extra source that is not there is reported on
# stderr and left out (see data/spam/NOTICE for where each comes from).
training_files() { source_files "$1" "$2" training-sources.txt; }
evaluation_files() { source_files "$1" "$2" evaluation-sources.txt; }

source_files() {
  local shared=$1 extra=$2 list=$3 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  while read -r where file _; do
    [[ -z $where || $where == \#* ]] && continue
    local dir=$shared
    [[ $where == extra ]] && dir=$extra
    if [[ -f $dir/$file ]]; then echo "$dir/$file"; else echo "missing: $dir/$file" >&2; fi
  done < "$root/data/spam/$list"
}

# spam_bench_env DEFAULT_OUT: the settings both evaluation scripts take from the
# environment (see their headers), then FILES (training sources) and NEVER
# (evaluation-only sources) as arrays. Sets ROOT, B, D, X, O, JOBS, K.
spam_bench_env() {
  ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  B=${BIN:-$ROOT/build/src/spam/tribune-spam}
  D=$(cd "${DATASETS:-$ROOT/../shared/datasets}" && pwd)
  X=${EXTRA_DATASETS:-$ROOT/../extra-data}
  O=${OUT:-$1}
  JOBS=${JOBS:-2}
  K=(--key "${KEY:-8808003914476916577}" ${TRAIN_FLAGS:-})
  mkdir -p "$O"
  mapfile -t FILES < <(training_files "$D" "$X")
  mapfile -t NEVER < <(evaluation_files "$D" "$X")
}
