#!/usr/bin/env bash
# Start-up of the platform against its floor, Open Liberty with the same server.xml and no application:
# time from launching the server to /health/ready answering 200, the processor time the server took
# to get there (which other work on the machine does not inflate), and resident memory once ready.
# The platform runs as the README's run command starts it (embedded PostgreSQL, files on disk), in
# the load scripts' server (bench/lib/bench-server.sh).
# Usage: bench/startup.sh [runs]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
source bench/lib/bench-server.sh
prepare_bench_server

measure() {
  local label="$1" start ready_ms pid rss_mb cpu_ms
  for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$wlp/bin/server" start "$server" >/dev/null
    until curl -sf "${base}health/ready" >/dev/null; do
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

measure "liberty alone"
cp platform/app/target/protohive.war "$dropins/"
measure "protohive    "
grep -a -o 'ProtoHive .* started in [0-9]* ms' "$dir/logs/messages.log" | tail -1
