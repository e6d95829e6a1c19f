#!/usr/bin/env bash
# Latency the LLM gateway adds to a streamed call, against a loopback OpenAI-compatible server:
# time to first token and total, p50 and p99, at 1 and 50 concurrent streams, direct (baseline)
# and through POST /api/v1/llm/chat, beside an authenticated read (GET /api/v1/organizations): what
# any call through the platform costs.
# Usage: bench/gateway-latency.sh [calls per run]   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
source bench/lib/bench-server.sh

mvn -B -q dependency:build-classpath -pl sdk/llm-fakes -Dmdep.outputFile=target/bench-classpath >/dev/null
classpath="sdk/llm-fakes/target/protohive-llm-fakes-0.1.0-SNAPSHOT.jar:$(cat sdk/llm-fakes/target/bench-classpath)"
javac -d target/bench-classes -cp "$classpath" bench/java/BenchPlatform.java bench/java/GatewayLatency.java
start_bench_server
java -cp "target/bench-classes:$classpath" GatewayLatency "$base" "$tenants" "$calls"
