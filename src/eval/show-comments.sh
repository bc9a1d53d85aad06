#!/usr/bin/env bash
# Prints every comment of the reviews lint-signal.sh wrote, with the code around it at the head commit, for judging:
# one block per comment, headed "PROJECT SHA PATH:LINE SOURCE RULE".
#   src/eval/show-comments.sh CLONES_DIR OUT_DIR
set -euo pipefail
clones=$1 out=$2
for file in "$out"/*.json; do
  name=$(basename "$file" .json)
  project=${name%-*} sha=${name##*-}
  jq -r '.comments[] | [.path, .line, .source, (.rule // ""), ((.also_lines // []) | map(tostring) | join(",")), (.message | gsub("\n"; " "))] | join("\u001f")' "$file" |
  while IFS=$'\x1f' read -r path line source rule also message; do
    echo "=== $project $sha $path:$line $source $rule${also:+ (also $also)}"
    echo "    $message"
    git -C "$clones/$project" show "$sha:$path" | awk -v l="$line" 'NR >= l - 6 && NR <= l + 4 { printf "%s%5d  %s\n", (NR == l ? ">" : " "), NR, $0 }'
  done
done
