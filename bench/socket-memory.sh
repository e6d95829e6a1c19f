#!/usr/bin/env bash
# What an open, subscribed socket costs the server: its heap after a full GC and its RSS, before
# and after N clients open /api/v1/socket and subscribe to a conversation each.
# Usage: bench/socket-memory.sh [sockets]   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
sockets="${1:-1000}"
source bench/lib/bench-server.sh

javac -d target/bench-classes bench/java/BenchPlatform.java bench/java/SocketMemory.java
start_bench_server
pid=$(pgrep -f "ws-server.jar $server" | head -1)
measure() {
  jcmd "$pid" GC.run >/dev/null
  sleep 2
  heap=$(jcmd "$pid" GC.heap_info | awk '/total/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); gsub(/[^0-9]/,"",v); print v; exit}}')
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  threads=$(ps -o nlwp= -p "$pid" | tr -d ' ')
  echo "$heap $rss $threads"
}
coproc client { java -cp target/bench-classes SocketMemory "$base" "$tenants" "$sockets"; }
read -r _ <&"${client[0]}"
read -r heap0 rss0 threads0 < <(measure)
echo >&"${client[1]}"
read -r _ _ <&"${client[0]}"
read -r heap1 rss1 threads1 < <(measure)
echo >&"${client[1]}"
wait "$client_PID" || true
echo "$sockets sockets: heap after GC ${heap0}K -> ${heap1}K, RSS ${rss0}K -> ${rss1}K, threads $threads0 -> $threads1"
echo "per socket: heap $(( (heap1 - heap0) / sockets )) KB, RSS $(( (rss1 - rss0) / sockets )) KB"
