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
