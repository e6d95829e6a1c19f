#!/usr/bin/env bash
# Two nodes against one on the authenticated, tenant-filtered list (GET /api/v1/organizations, 20
# rows), through the local cluster's balancer (bench/cluster.sh), in one run: requests per second
# with both nodes behind it, then with node 2 stopped. Needs wrk (apt-get install wrk).
# Usage: bench/cluster-throughput.sh [seconds] [connections]
#   (after `mvn install -DskipTests`; needs what bench/cluster.sh needs)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
base=http://127.0.0.1:${PROTOHIVE_CLUSTER_PORT:-9080}
root=${PROTOHIVE_CLUSTER_DIR:-target/cluster}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
trap 'bench/cluster.sh down >/dev/null 2>&1 || true' EXIT

# rate limits stay on, checked on every request, but high enough never to refuse the measured list
export PROTOHIVE_RATE_LIMIT_USER=100000000 PROTOHIVE_RATE_LIMIT_TENANT=100000000
source bench/lib/cluster-person.sh
bench/cluster.sh up
cluster_person 20

# wrk's answer: requests per second, and the answers that were not 2xx (none expected)
rps() {
  wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $token" "$@" \
    | awk '/Requests\/sec/ {r = $2} /Non-2xx/ {bad = $5} END {print r, bad + 0}'
}
warm "$base/api/v1/organizations"
read -r two two_bad <<< "$(rps "$base/api/v1/organizations")"
bench/cluster.sh stop 2 2>/dev/null
warm "$base/api/v1/organizations"
read -r one one_bad <<< "$(rps "$base/api/v1/organizations")"
echo "two nodes: $two req/s ($two_bad not 2xx)"
echo "one node:  $one req/s ($one_bad not 2xx)"
python3 -c "print(f'ratio two/one: {float($two) / float($one):.2f}')"
