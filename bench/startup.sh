#!/usr/bin/env bash
# Start-up of the platform against its floor, Open Liberty with the same server.xml and no application:
# time from launching the server to /health/ready answering 200, and resident memory once ready.
# Usage: bench/startup.sh [runs]   (after `mvn install -DskipTests`; uses the integration-test server)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
wlp=platform/app/target/liberty/wlp
server=protohive-it
port=9180
dropins="$wlp/usr/servers/$server/dropins"
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true; rm -f "$dropins/protohive.war"' EXIT

measure() {
  local label="$1" start ready_ms pid rss_mb
  for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$wlp/bin/server" start "$server" >/dev/null
    until curl -sf "http://localhost:$port/health/ready" >/dev/null; do
      (($(date +%s%N) - start < 180000000000)) || { echo "not ready after 180 s" >&2; exit 1; }
      sleep 0.1
    done
    ready_ms=$((($(date +%s%N) - start) / 1000000))
    pid=$(cat "$wlp/usr/servers/.pid/$server.pid")
    rss_mb=$(($(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024))
    echo "$label run $run: ready in ${ready_ms} ms, RSS ${rss_mb} MB"
    "$wlp/bin/server" stop "$server" >/dev/null
  done
}

rm -f "$dropins/protohive.war"
measure "liberty alone"
cp platform/app/target/protohive.war "$dropins/"
measure "protohive    "
grep -a -o 'ProtoHive .* started in [0-9]* ms' "$wlp/usr/servers/$server/logs/messages.log" | tail -1
