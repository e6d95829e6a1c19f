#!/usr/bin/env bash
# Hot deploy of a plugin into a running server: time from a jar dropped into the plugins folder, and
# from an upload through the API, until the plugin's tools are registered and listed by the API.
# Each poll is one curl call (a few ms), which bounds the resolution. Baseline: the same poll
# against a plugin already installed, i.e. what the measuring itself costs.
# Usage: bench/plugin-hot-deploy.sh [runs]   (after `mvn install -DskipTests`; bench/lib/bench-server.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
jar=platform/app/target/test-bundles/test-misbehaving.jar
id=io.protohive.plugins.test-misbehaving
source bench/lib/bench-server.sh
api="${base}api/v1"
start_bench_server
token=$(curl -sf "$api/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@protohive.local\",\"password\":\"$(cat "$data/initial-admin-password")\"}" |
  sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token")

now_ms() { echo $(($(date +%s%N) / 1000000)); }
callable() { curl -sf "${auth[@]}" "$api/plugins/$id" 2>/dev/null | grep -q '"tools":\["misbehaving'; }
await_callable() { until callable; do :; done; }
await_gone() { while curl -sf "${auth[@]}" "$api/plugins/$id" >/dev/null 2>&1; do :; done; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

poll=() drop=() upload=()
for run in $(seq 1 "$runs"); do
  cp "$jar" "$data/plugins/.bench.tmp"
  start=$(now_ms); mv "$data/plugins/.bench.tmp" "$data/plugins/bench-plugin.jar"; await_callable
  drop+=($(($(now_ms) - start)))
  start=$(now_ms); callable; poll+=($(($(now_ms) - start)))
  rm "$data/plugins/bench-plugin.jar"; await_gone

  start=$(now_ms)
  curl -sf -o /dev/null "${auth[@]}" -F "file=@$jar" "$api/plugins"; await_callable
  upload+=($(($(now_ms) - start)))
  curl -sf -o /dev/null -X DELETE "${auth[@]}" "$api/plugins/$id"; await_gone
  echo "run $run: dropped ${drop[-1]} ms, uploaded ${upload[-1]} ms, one poll ${poll[-1]} ms"
done
echo "median of $runs: one poll (baseline) $(printf '%s\n' "${poll[@]}" | median) ms," \
  "dropped → callable $(printf '%s\n' "${drop[@]}" | median) ms," \
  "uploaded → callable $(printf '%s\n' "${upload[@]}" | median) ms"
