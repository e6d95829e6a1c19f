#!/usr/bin/env bash
# Latency the LLM gateway adds to a streamed call, against a loopback OpenAI-compatible server:
# time to first token and total, p50 and p99, at 1 and 50 concurrent streams, direct (baseline)
# and through POST /api/v1/llm/chat.
# Usage: bench/gateway-latency.sh [calls per run]   (after `mvn install -DskipTests`; uses the IT server)
set -euo pipefail
cd "$(dirname "$0")/.."
calls="${1:-1000}"
wlp=platform/app/target/liberty/wlp
server=protohive-it
dropins="$wlp/usr/servers/$server/dropins"
tenants=platform/app/target/it-tenants-config
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true; rm -f "$dropins/protohive.war" "$tenants"/bench-*.yaml' EXIT

mvn -B -q dependency:build-classpath -pl sdk/llm-fakes -Dmdep.outputFile=target/bench-classpath >/dev/null
classpath="sdk/llm-fakes/target/protohive-llm-fakes-0.1.0-SNAPSHOT.jar:$(cat sdk/llm-fakes/target/bench-classpath)"
mkdir -p "$tenants"
cp platform/app/target/protohive.war "$dropins/"
"$wlp/bin/server" start "$server" >/dev/null
until curl -sf "http://localhost:9180/health/ready" >/dev/null; do sleep 0.2; done
java -cp "$classpath" bench/gateway/GatewayLatency.java "http://localhost:9180/" "$tenants" "$calls"
