#!/usr/bin/env bash
# The latency /api/openai/v1/chat/completions adds to a turn of an agent over the agent's own path
# (POST /api/v1/conversations/{id}/messages, answer awaited on /api/v1/socket), in the same run:
# p50/p95/p99 of each path and their ratios, the OpenAI path answered whole and streamed.
# Usage: bench/openai-overhead.sh [turns per path] [word delay ms]
#   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
turns="${1:-200}"
delay="${2:-5}"
source bench/lib/bench-server.sh

javac -d target/bench-classes bench/java/BenchPlatform.java bench/java/OpenAiOverhead.java
start_bench_server
java -cp target/bench-classes OpenAiOverhead "$base" "$tenants" "$turns" "$delay"
