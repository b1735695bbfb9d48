#!/bin/sh
# Converts the openly licensed comment sets named in data/spam/NOTICE into the datasets'
# JSONL format, in $EXTRA_DATASETS (default ../extra-data beside the repository), from
# snapshots of their repositories at the commits NOTICE gives, one directory per
# repository in $MIRROR ("owner+name/repo", a git directory).
set -e
cd "$(dirname "$0")"
python3 convert_technical.py
python3 convert_russian.py
python3 convert_charcoal.py
python3 convert_blogs.py
python3 convert_janitr.py
