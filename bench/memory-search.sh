#!/usr/bin/env bash
# Agent long-term memory on the local PostgreSQL with pgvector: p50/p99 latency and recall@10 of
# the HNSW search against the exact search in process, at 10,000 and 100,000 memories of one agent
# (plus 5,000 of another), and texts per second remembered (embedded in process, then inserted).
# Vectors: "clustered" (synthetic, shaped like the model's embeddings; the default) or "minilm"
# (the in-process model's embeddings of generated sentences: about 100 s more per 100,000 on 2
# idle cores). Drops and recreates the schema of the database protohive_bench, creating it if
# missing, and creates the role protohive_bench_app if missing. About 12 minutes on 2 cores, most
# of it the exact search at 100,000 memories.
# Usage: bench/memory-search.sh [memory counts] [queries] [sentences ingested, 0: none] [vectors]
#   (after `mvn install -DskipTests`; PROTOHIVE_BENCH_DB_URL defaults to jdbc:postgresql://127.0.0.1:5432/)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench package -pl bench/jmh -DskipTests
java -cp bench/jmh/target/benchmarks.jar io.protohive.kernel.memory.MemoryBench \
  "${PROTOHIVE_BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/}" \
  "${1:-10000,100000}" "${2:-200}" "${3:-2000}" "${4:-clustered}"
