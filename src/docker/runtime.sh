#!/usr/bin/env bash
# Builds the Action image's Java runtime: a jlinked JRE with only the modules the jar needs (jdeps decides),
# stripped of debug data, man pages and headers. Runs on a JDK 25 (no jmods needed: JEP 493 links from the
# JDK's own run-time image).
#   src/docker/runtime.sh JAR OUTPUT_DIR
set -euo pipefail
jar=$1 output=$2
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 25}"
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 25 --print-module-deps "$jar")"
# Beyond what jdeps sees in the bytecode: names looked up at run time (TLS cipher suites, DNS, the JDK's
# HTTP client used by the GitHub client, zip file systems, JFR for profiling a stuck run). English messages
# only: no jdk.localedata.
modules="$modules,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,java.net.http,jdk.zipfs,jdk.jfr"
rm -rf "$output"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$output"
echo "runtime: $output ($(du -sh "$output" | cut -f1)), modules: $modules"
