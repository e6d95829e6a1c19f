#!/usr/bin/env bash
# Time from assigning a task to an agent until the agent starts on it, p50 and p99, one task at a
# time, seen on /api/v1/socket.
# Usage: bench/task-pickup.sh [tasks]   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
tasks="${1:-200}"
source bench/lib/bench-server.sh

javac -d target/bench-classes bench/java/BenchPlatform.java bench/java/TaskPickup.java
start_bench_server
java -cp target/bench-classes TaskPickup "$base" "$tenants" "$tasks"
