#!/usr/bin/env bash
# Linters-only reviews of real commits (each against its parent, the repository's default config), as a user runs
# them: one cold `pr-harness review --no-ai --format json` per commit. Writes OUT_DIR/PROJECT-SHA.json and prints
# "PROJECT SHA ADDED_JAVA_LINES COMMENTS" per commit. Judge the comments with judge.sh.
#   src/eval/lint-signal.sh JAR COMMITS_FILE CLONES_DIR OUT_DIR      (JAVA_HOME: a JDK 21 or later)
set -euo pipefail
jar=$1 commits=$2 clones=$3 out=$4
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
mkdir -p "$out"
while read -r project sha added; do
  [ -z "$project" ] || [ "${project:0:1}" = "#" ] && continue
  file="$out/$project-${sha:0:12}.json"
  if ! "$java" -jar "$jar" review --repo "$clones/$project" --base "$sha~1" --head "$sha" --no-ai --format json \
      > "$file" 2> "$file.err"; then
    echo "review of $project $sha failed:" >&2
    cat "$file.err" >&2
    exit 3
  fi
  echo "$project ${sha:0:12} $added $(jq '.comments | length' "$file")"
done < "$commits"
