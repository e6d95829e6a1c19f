#!/usr/bin/env bash
# The durable job queue on the local PostgreSQL: jobs per second and claim latency with 1 and 8
# competing workers. Recreates the schema of the database protohive_queue_bench (created if missing).
# Usage: bench/job-queue.sh [jobs]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${1:-20000}"
psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'protohive_queue_bench'" \
  | grep -q 1 || psql -h 127.0.0.1 -U postgres -d postgres -qc "create database protohive_queue_bench"
mvn -B -q dependency:build-classpath -pl platform/kernel -Dmdep.outputFile=target/kernel-classpath >/dev/null
classpath="platform/kernel/target/classes:$(cat platform/kernel/target/kernel-classpath)"
javac -d target/bench-classes -cp "$classpath" bench/java/BenchPlatform.java bench/java/QueueThroughput.java
java -cp "target/bench-classes:$classpath" QueueThroughput \
  "jdbc:postgresql://127.0.0.1:5432/protohive_queue_bench" "$jobs"
