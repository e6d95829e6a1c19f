#!/usr/bin/env bash
# Failover and rolling restart of the local cluster (bench/cluster.sh), measured through the load
# balancer with an authenticated list (GET /api/v1/organizations):
#   - failover: node 1 killed with kill -9; time until the next request through the balancer is
#     answered, and how many failed meanwhile;
#   - rolling restart: each node in turn drained, stopped and started while a client keeps asking;
#     how many requests failed.
# Usage: bench/cluster-failover.sh   (after `mvn install -DskipTests`; needs what bench/cluster.sh needs
# and reads its environment)
set -euo pipefail
cd "$(dirname "$0")/.."
base=http://127.0.0.1:${PROTOHIVE_CLUSTER_PORT:-9080}
root=${PROTOHIVE_CLUSTER_DIR:-target/cluster}
trap 'kill $(jobs -p) 2>/dev/null || true; bench/cluster.sh down >/dev/null 2>&1 || true' EXIT

source bench/lib/cluster-person.sh
now_ms() { date +%s%3N; }

bench/cluster.sh up
cluster_person 1

ask() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" "$base/api/v1/organizations"; }

# a client asking one request after the other, writing each answer's status to a file
asking() {
  local out=$1
  while [[ -f "$root/asking" ]]; do echo "$(ask)" >> "$out"; done
}

# failover
failed=0
bench/cluster.sh kill 1
killed=$(now_ms)
until [[ "$(ask)" == 200 ]]; do failed=$((failed + 1)); done
echo "failover: first answer $(( $(now_ms) - killed )) ms after the kill, $failed failed requests before it"
bench/cluster.sh start 1

# rolling restart under load
: > "$root/statuses"
touch "$root/asking"
asking "$root/statuses" &
for n in 1 2; do bench/cluster.sh restart "$n"; done
rm -f "$root/asking"
wait
total=$(wc -l < "$root/statuses")
bad=$(grep -vc '^200$' "$root/statuses" || true)
echo "rolling restart: $total requests, $bad failed ($(sort "$root/statuses" | uniq -c | tr '\n' ' '))"
