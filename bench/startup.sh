#!/usr/bin/env bash
# Start-up of the platform against its floor, Open Liberty with the same server.xml and no application:
# time from launching the server to /health/ready answering 200, the processor time the server took
# to get there (which other work on the machine does not inflate), and resident memory once ready.
# The platform runs as the README's run command starts it (embedded PostgreSQL, files on disk), in a
# server of its own on port 9180 whose data folder is kept between runs, as a restarted node's is.
# Usage: bench/startup.sh [runs]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
wlp=platform/app/target/liberty/wlp
server=protohive-startup
port=9180
dir="$wlp/usr/servers/$server"
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true' EXIT

[[ -d "$dir" ]] || "$wlp/bin/server" create "$server" >/dev/null
cp server.xml "$dir/server.xml"
cp platform/app/src/main/liberty/config/jvm.options "$dir/jvm.options"
mkdir -p "$dir/dropins"
cat > "$dir/server.env" <<EOF
PROTOHIVE_HTTP_PORT=$port
PROTOHIVE_HTTPS_PORT=9543
PROTOHIVE_HAZELCAST_PORT=5801
PROTOHIVE_DB_EMBEDDED_PORT=15433
PROTOHIVE_DATA_DIR=$(pwd)/target/bench-startup/data
PROTOHIVE_TENANTS_DIR=$(pwd)/tenants-config
EOF

measure() {
  local label="$1" start ready_ms pid rss_mb cpu_ms
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
    # user and system time, fields 14 and 15 of /proc/<pid>/stat, in clock ticks
    cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")
    echo "$label run $run: ready in ${ready_ms} ms, CPU ${cpu_ms} ms, RSS ${rss_mb} MB"
    "$wlp/bin/server" stop "$server" >/dev/null
  done
}

rm -f "$dir/dropins/protohive.war"
measure "liberty alone"
cp platform/app/target/protohive.war "$dir/dropins/"
measure "protohive    "
grep -a -o 'ProtoHive .* started in [0-9]* ms' "$dir/logs/messages.log" | tail -1
