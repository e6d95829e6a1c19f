#!/usr/bin/env bash
# Latency the LLM gateway adds to a streamed call, against a loopback OpenAI-compatible server:
# time to first token and total, p50 and p99, at 1 and 50 concurrent streams, direct (baseline)
# and through POST /api/v1/llm/chat.
# Usage: bench/gateway-latency.sh [calls per run]   (after `mvn install -DskipTests`; uses the IT server)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
source bench/lib/it-server.sh
# rate limits stay on, checked on every call, but high enough never to refuse the measured calls
export PROTOHIVE_RATE_LIMIT_LLM=100000000 PROTOHIVE_RATE_LIMIT_USER=100000000 PROTOHIVE_RATE_LIMIT_TENANT=100000000

mvn -B -q dependency:build-classpath -pl sdk/llm-fakes -Dmdep.outputFile=target/bench-classpath >/dev/null
classpath="sdk/llm-fakes/target/protohive-llm-fakes-0.1.0-SNAPSHOT.jar:$(cat sdk/llm-fakes/target/bench-classpath)"
javac -d target/bench-classes -cp "$classpath" bench/java/BenchPlatform.java bench/java/GatewayLatency.java
start_it_server
java -cp "target/bench-classes:$classpath" GatewayLatency "$base" "$tenants" "$calls"
