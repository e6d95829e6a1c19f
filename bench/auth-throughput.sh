#!/usr/bin/env bash
# Requests per second of an authenticated, tenant-filtered list (GET /api/v1/organizations, JWT
# verified, row-level security on) against the server's trivial unauthenticated liveness check, in
# one run on one server. Needs wrk (apt-get install wrk).
# Usage: bench/auth-throughput.sh [seconds] [connections]   (after `mvn install -DskipTests`;
#   bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
source bench/lib/bench-server.sh
source bench/lib/wrk-load.sh
start_bench_server
base=${base%/}

demo_person
for i in $(seq 1 20); do
  curl -sf -X POST "$base/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Bench $i\"}" >/dev/null
done

# warm both paths before measuring
warm "$base/health/live"
warm -H "Authorization: Bearer $token" "$base/api/v1/organizations"
baseline=$(rps "$base/health/live")
listing=$(rps -H "Authorization: Bearer $token" "$base/api/v1/organizations")
echo "GET /health/live (unauthenticated, trivial): $baseline req/s"
echo "GET /api/v1/organizations (JWT, tenant-filtered, 20 rows): $listing req/s"
python3 -c "print(f'ratio: {float($listing) / float($baseline):.2f}')"
