#!/usr/bin/env bash
# What users wait for, whole processes side by side: a cold `./pr-harness review --no-ai` of a change, and the
# route it replaces, the Checkstyle CLI then the PMD CLI on the same changed files with the same rules
# (config/checkstyle.xml, config/pmd-ruleset.xml). The two run alternately RUNS times; it prints each run, the
# medians and the ratio. Before that it times the first run of this jar, which makes the JDK 25 ahead-of-time
# cache (./pr-harness does that by itself on a first review).
#   src/bench/cold-review.sh REPO BASE HEAD [RUNS]
# Needs: git, Maven (to resolve the linters' command-line classpath once) and the JDK that ./pr-harness picks
# (JAVA_HOME, else the newest on the machine).
set -euo pipefail
repo=$1 base=$2 head=$3 runs=${4:-7}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

java_home="${JAVA_HOME:-}"
if [[ -z "$java_home" ]]; then
  for dir in /usr/lib/jvm/*; do [[ -f "$dir/release" ]] && grep -q 'JAVA_VERSION="25' "$dir/release" && java_home=$dir; done
fi
java="${java_home:+$java_home/bin/}java"
export JAVA_HOME="$java_home"

classpath="$root/target/bench-linters.classpath"
if [[ ! -s "$classpath" ]]; then
  mvn -q -f "$root/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >/dev/null
fi

# The changed Java files at HEAD, at their repository paths: what the CLI route lints.
mkdir -p "$work/files"
count=0
while IFS= read -r path; do
  mkdir -p "$work/files/$(dirname "$path")"
  git -C "$repo" show "$head:$path" > "$work/files/$path"
  count=$((count + 1))
done < <(git -C "$repo" diff --name-only --diff-filter=AMR "$base" "$head" -- '*.java')
echo "change: $count Java files, $(git -C "$repo" rev-parse --short "$base")..$(git -C "$repo" rev-parse --short "$head") of $repo"
echo "java: $("$java" -version 2>&1 | head -1)"

millis() { date +%s%N | awk '{printf "%d", $1 / 1000000}'; }

review() {
  "$root/pr-harness" review --repo "$repo" --base "$base" --head "$head" --no-ai --format json > "$work/review.json"
}

linter_clis() {
  local files
  mapfile -t files < <(find "$work/files" -name '*.java')
  "$java" -cp "$(cat "$classpath")" com.puppycrawl.tools.checkstyle.Main -c "$root/config/checkstyle.xml" \
    "${files[@]}" > "$work/checkstyle.txt" 2>&1 || true
  "$java" -cp "$(cat "$classpath")" net.sourceforge.pmd.cli.PmdCli check --no-cache --no-progress \
    -R "$root/config/pmd-ruleset.xml" -d "$work/files" -f text > "$work/pmd.txt" 2>&1 || true
}

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

"$root/pr-harness" --version > /dev/null   # builds the jar when it is missing or stale, outside the timing
rm -f "$root"/target/pr-harness-*.aot
start=$(millis); review; first=$(( $(millis) - start ))
echo "first run of this jar (makes the AOT cache on JDK 25+): $first ms"

: > "$work/ours"; : > "$work/clis"
for i in $(seq 1 "$runs"); do
  start=$(millis); review; ours=$(( $(millis) - start ))
  start=$(millis); linter_clis; clis=$(( $(millis) - start ))
  echo "run $i: pr-harness review $ours ms, checkstyle + pmd CLIs $clis ms"
  echo "$ours" >> "$work/ours"; echo "$clis" >> "$work/clis"
done
ours=$(median < "$work/ours"); clis=$(median < "$work/clis")
echo "median: pr-harness review $ours ms, checkstyle + pmd CLIs $clis ms, ratio $(awk -v a="$ours" -v b="$clis" 'BEGIN {printf "%.2f", a / b}')"
