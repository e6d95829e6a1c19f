#!/usr/bin/env bash
# What auditing every API request costs on the authenticated, tenant-filtered list (GET
# /api/v1/organizations): requests per second with request auditing on (the default: one entry per
# request, appended to the tenant's hash chain in a transaction of its own) against the same
# server restarted with it off (protohive.audit.requests=false), in one run. Needs wrk.
# Usage: bench/audit-cost.sh [seconds] [connections]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
source bench/lib/bench-server.sh
source bench/lib/wrk-load.sh
base=${base%/}

# the bench server with request auditing on or off
start_with_audit() {
  prepare_bench_server
  echo "PROTOHIVE_AUDIT_REQUESTS=$1" >> "$dir/server.env"
  cp platform/app/target/protohive.war "$dropins/"
  "$wlp/bin/server" start "$server" >/dev/null
  until curl -sf "$base/health/ready" >/dev/null; do sleep 0.2; done
}


start_with_audit true
demo_person
for i in $(seq 1 20); do
  curl -sf -X POST "$base/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Bench $i\"}" >/dev/null
done
list() { rps -H "Authorization: Bearer $token" "$base/api/v1/organizations"; }

warm -H "Authorization: Bearer $token" "$base/api/v1/organizations"
audited=$(list)
"$wlp/bin/server" stop "$server" >/dev/null
start_with_audit false
warm -H "Authorization: Bearer $token" "$base/api/v1/organizations"
unaudited=$(list)
echo "GET /api/v1/organizations, request audit off: $unaudited req/s"
echo "GET /api/v1/organizations, request audit on:  $audited req/s"
python3 -c "print(f'ratio on/off: {float($audited) / float($unaudited):.2f}')"
