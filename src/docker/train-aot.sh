#!/usr/bin/env bash
# Makes the ahead-of-time cache (JDK 25, JEP 483/514/515) the image ships: a training run of
# `pr-harness review --no-ai` over a small sample change (a git repository made here from src/docker/sample),
# with the same java, jar path and options the image's entrypoint uses.
#   src/docker/train-aot.sh JAVA JAR OUTPUT_AOT
set -euo pipefail
java=$1 jar=$2 output=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git init -q "$work/repo"
git -C "$work/repo" config user.email "train@pr-harness.invalid"
git -C "$work/repo" config user.name "training run"
cp -r "$here/sample/base/." "$work/repo/"
git -C "$work/repo" add -A && git -C "$work/repo" commit -q -m base
cp -r "$here/sample/head/." "$work/repo/"
git -C "$work/repo" add -A && git -C "$work/repo" commit -q -m head
"$java" @"$here/java-options" -XX:AOTCacheOutput="$output" -jar "$jar" \
  review --repo "$work/repo" --base HEAD~1 --head HEAD --no-ai --format json > "$work/review.json"
test -s "$output"
echo "AOT cache: $output ($(du -h "$output" | cut -f1)), trained on $(grep -c '"fingerprint"' "$work/review.json") comments"
