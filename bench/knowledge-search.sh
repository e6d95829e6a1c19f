#!/usr/bin/env bash
# Knowledge search at 100,000 chunks on the local PostgreSQL with pgvector: p50/p99 of the hybrid
# search (HNSW + full text, fused) and of the pgvector retriever, against the exact retriever in
# process (baseline and ground truth of recall@10). Chunks are generated text with synthetic
# clustered vectors. Drops and recreates the schema of the database protohive_bench (creating it
# and the role protohive_bench_app if missing); runs under the integration tests' lock, since it
# shares their PostgreSQL. About 6 minutes on 2 cores, most of it the exact searches.
# Usage: bench/knowledge-search.sh [chunks] [queries] [exact queries]
#   (PROTOHIVE_BENCH_DB_URL defaults to jdbc:postgresql://127.0.0.1:5432/)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -B -q -Pbench package -pl bench/jmh -am -DskipTests
cp bench/jmh/target/benchmarks.jar "${TMPDIR:-/tmp}/protohive-knowledge-bench.jar"
flock /tmp/protohive-it.lock timeout 590 java -cp "${TMPDIR:-/tmp}/protohive-knowledge-bench.jar" \
  io.protohive.kernel.knowledge.KnowledgeSearchBench \
  "${PROTOHIVE_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
  "${1:-100000}" "${2:-200}" "${3:-50}"
