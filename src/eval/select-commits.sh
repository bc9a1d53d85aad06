#!/usr/bin/env bash
# Picks the commits of EVALUATION.md: walking back from HEAD_SHA of a clone, the first COUNT commits that are not
# merges and add between 10 and 500 lines of Java. Prints "PROJECT SHA ADDED_JAVA_LINES" per commit. A commit whose
# files the clone cannot read (a partial mirror) is passed over.
#   src/eval/select-commits.sh CLONE_DIR PROJECT HEAD_SHA COUNT
set -euo pipefail
clone=$1 project=$2 head=$3 count=$4
picked=0
for sha in $(git -C "$clone" rev-list --no-merges "$head"); do
  git -C "$clone" rev-parse -q --verify "$sha~1" >/dev/null || continue
  git -C "$clone" diff "$sha~1" "$sha" >/dev/null 2>&1 || continue
  added=$(git -C "$clone" diff --numstat "$sha~1" "$sha" -- '*.java' | awk '$1 != "-" { s += $1 } END { print s + 0 }')
  if [ "$added" -ge 10 ] && [ "$added" -le 500 ]; then
    echo "$project $sha $added"
    picked=$((picked + 1))
    [ "$picked" -ge "$count" ] && break
  fi
done
