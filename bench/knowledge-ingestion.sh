#!/usr/bin/env bash
# Ingestion throughput (pages/s, MB/s) of a generated mixed corpus (PDF, DOCX, Markdown, HTML)
# through TextExtractor and Chunker against the formats' own libraries reading the same bytes, and
# the in-process embedding of the resulting chunks as a figure of its own. One thread. About 3
# minutes on 2 cores, most of it embedding.
# Usage: bench/knowledge-ingestion.sh [documents per format] [measured passes]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -B -q -Pbench package -pl bench/jmh -am -DskipTests
java -cp bench/jmh/target/benchmarks.jar io.protohive.kernel.knowledge.IngestionBench \
  "${1:-20}" "${2:-3}"
