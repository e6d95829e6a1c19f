#!/usr/bin/env bash
# Requests per second of an authenticated, tenant-filtered list (GET /api/v1/organizations, JWT
# verified, row-level security on) against the server's trivial unauthenticated liveness check, in
# one run on one server. Needs wrk (apt-get install wrk).
# Usage: bench/auth-throughput.sh [seconds] [connections]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
wlp=platform/app/target/liberty/wlp
server=protohive-it
base=http://localhost:9180
dropins="$wlp/usr/servers/$server/dropins"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true; rm -f "$dropins/protohive.war"' EXIT

# rate limits stay on, checked on every request, but high enough never to refuse the measured list
export PROTOHIVE_RATE_LIMIT_USER=100000000 PROTOHIVE_RATE_LIMIT_TENANT=100000000
cp platform/app/target/protohive.war "$dropins/"
"$wlp/bin/server" start "$server" >/dev/null
for _ in $(seq 1 180); do curl -sf "$base/health/ready" >/dev/null && break; sleep 1; done

email="bench-$(date +%s%N)@example.com"
password="benchmark passphrase words"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\",\"tenant\":\"demo\"}" >/dev/null
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json accessToken)
for i in $(seq 1 20); do
  curl -sf -X POST "$base/api/v1/organizations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Bench $i\"}" >/dev/null
done

rps() { wrk -t2 -c"$connections" -d"${seconds}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
# warm both paths before measuring
rps -d5s "$base/health/live" >/dev/null
rps -d5s -H "Authorization: Bearer $token" "$base/api/v1/organizations" >/dev/null
baseline=$(rps "$base/health/live")
listing=$(rps -H "Authorization: Bearer $token" "$base/api/v1/organizations")
echo "GET /health/live (unauthenticated, trivial): $baseline req/s"
echo "GET /api/v1/organizations (JWT, tenant-filtered, 20 rows): $listing req/s"
python3 -c "print(f'ratio: {float($listing) / float($baseline):.2f}')"
