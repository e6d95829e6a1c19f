#!/usr/bin/env bash
# How many streaming chats the server holds at once: N conversations answered at the same moment by
# the scripted model (one word every D ms), followed on /api/v1/socket; the gap between words as
# the clients see them, p50/p95/p99, against the model's own D.
# Usage: bench/chat-streams.sh [streams, comma-separated] [word delay ms]
#   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
streams="${1:-50,200,500,1000}"
delay="${2:-20}"
source bench/lib/bench-server.sh

javac -d target/bench-classes bench/java/BenchPlatform.java bench/java/ChatStreams.java
start_bench_server
java -cp target/bench-classes ChatStreams "$base" "$tenants" "$streams" "$delay"
