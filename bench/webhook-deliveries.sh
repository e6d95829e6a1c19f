#!/usr/bin/env bash
# Outbound webhook deliveries per second, end to end: tasks created through the API by several
# callers at once, each task.created event delivered by the job queue to a receiver on loopback
# that answers 204 and counts; from the first POST to the last delivery received. Baseline in the
# same run: the same signed POSTs sent straight to the receiver by as many senders as job workers.
# Usage: bench/webhook-deliveries.sh [events] [API callers]
#   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
events="${1:-2000}"
producers="${2:-8}"
workers=4 # protohive.jobs.workers, the default the bench server keeps
source bench/lib/bench-server.sh

javac -d target/bench-classes bench/java/BenchPlatform.java bench/java/WebhookDeliveries.java
start_bench_server
java -cp target/bench-classes WebhookDeliveries "$base" "$tenants" "$events" "$producers" "$workers"
