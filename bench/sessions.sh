#!/usr/bin/env bash
# Reads one large generated Claude Code transcript (default 200 MB) with the indexer's reader in a
# JVM of 64 MB heap (HEAP=256m for another): time per million JSONL lines and the peak heap (BENCHMARKS.md, issue 19).
# Needs a build (bin/with-jdk ./mvnw -q -o -B -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-200}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin/with-jdk java -Xmx"${HEAP:-64m}" -XX:+UseSerialGC \
  -cp "indexer/target/classes:queries/target/classes:server/target/lib/*" \
  bench/SessionsBench.java "$out/transcript.jsonl" "$mb"
