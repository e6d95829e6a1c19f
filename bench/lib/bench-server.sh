# Sourced by the load scripts: a Liberty server of their own on port 9180 that runs the built WAR
# as the README's run command does (embedded database, files on disk, the default limits and
# timeouts), but for what a load from one machine needs: the fake vendors and sites on loopback are
# reachable, and rate limits, still checked on every request, are high enough never to refuse the
# measured load. Its data folder is kept between runs, as a restarted node's is. When the script
# exits the server stops and the tenants the script declared are removed.
# Needs `mvn install -DskipTests`.
wlp=platform/app/target/liberty/wlp
server=protohive-bench
dir="$wlp/usr/servers/$server"
dropins="$dir/dropins"
tenants=$(pwd)/target/bench/tenants-config
data=$(pwd)/target/bench/data
base="http://localhost:9180/"
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true; rm -f "$tenants"/bench-*.yaml "$data/plugins"/bench-*.jar' EXIT

# the server, without an application
prepare_bench_server() {
  [[ -d "$dir" ]] || "$wlp/bin/server" create "$server" >/dev/null
  cp server.xml "$dir/server.xml"
  cp platform/app/src/main/liberty/config/jvm.options "$dir/jvm.options"
  mkdir -p "$dropins" "$tenants"
  rm -f "$dropins/protohive.war"
  cp tenants-config/*.yaml "$tenants/"
  cat > "$dir/server.env" <<ENV
PROTOHIVE_HTTP_PORT=9180
PROTOHIVE_HTTPS_PORT=9543
PROTOHIVE_HAZELCAST_PORT=5801
PROTOHIVE_DB_EMBEDDED_PORT=15433
PROTOHIVE_DATA_DIR=$data
PROTOHIVE_TENANTS_DIR=$tenants
PROTOHIVE_PLUGINS_PRIVATE_HOSTS=localhost
PROTOHIVE_RATE_LIMIT_ADDRESS=100000000
PROTOHIVE_RATE_LIMIT_USER=100000000
PROTOHIVE_RATE_LIMIT_TENANT=100000000
PROTOHIVE_RATE_LIMIT_LLM=100000000
ENV
}

# the server with the WAR, once ready
start_bench_server() {
  prepare_bench_server
  cp platform/app/target/protohive.war "$dropins/"
  "$wlp/bin/server" start "$server" >/dev/null
  until curl -sf "${base}health/ready" >/dev/null; do sleep 0.2; done
}
