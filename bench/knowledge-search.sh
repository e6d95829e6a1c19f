#!/usr/bin/env bash
# Knowledge search at 100,000 chunks on the local PostgreSQL with pgvector: p50/p99 of the hybrid
# search (HNSW + full text, fused) and of the pgvector retriever, against the exact retriever in
# process (baseline and ground truth of recall@10). Chunks are generated text with synthetic
# clustered vectors. Drops and recreates the schema of the database protohive_bench (creating it
# and the role protohive_bench_app if missing); runs under the integration tests' lock, since it
# shares their PostgreSQL, and stops after 590 s so as not to hold it longer. About 8 minutes on 2
# loaded cores, most of it the exact searches (4 to 5 s each); if it is cut, run it again with reuse.
# Usage: bench/knowledge-search.sh [chunks] [queries] [exact queries] [reuse: search the chunks
#   an earlier run loaded instead of loading afresh]
#   (PROTOHIVE_BENCH_DB_URL defaults to jdbc:postgresql://127.0.0.1:5432/)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -B -q -Pbench package -pl bench/jmh -am -DskipTests
cp bench/jmh/target/benchmarks.jar "${TMPDIR:-/tmp}/protohive-knowledge-bench.jar"
flock /tmp/protohive-it.lock timeout 590 java -cp "${TMPDIR:-/tmp}/protohive-knowledge-bench.jar" \
  io.protohive.kernel.knowledge.KnowledgeSearchBench \
  "${PROTOHIVE_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
  "${1:-100000}" "${2:-100}" "${3:-30}" ${4:+"$4"}
