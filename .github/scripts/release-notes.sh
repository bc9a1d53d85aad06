#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (the lines under "## [VERSION]" up to the next "## ["),
# for the release workflow's notes. Fails when the changelog has no such section, so no release goes out
# without notes.
set -euo pipefail
version=${1:?usage: release-notes.sh VERSION [CHANGELOG]}
changelog=${2:-CHANGELOG.md}
notes=$(awk -v heading="## [${version}]" '
  index($0, heading) == 1 { found = 1; next }
  found && /^## \[/ { exit }
  found { print }
' "$changelog")
if [[ -z ${notes//[[:space:]]/} ]]; then
  echo "release-notes: $changelog has no section '## [${version}]'; add one before tagging v${version}" >&2
  exit 1
fi
printf '%s\n' "$notes" | sed -e '/./,$!d'
