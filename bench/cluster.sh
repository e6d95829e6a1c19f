#!/usr/bin/env bash
# A local cluster: two platform nodes as separate Liberty servers (by default HTTP 9081 and 9082,
# Hazelcast 5701 and 5702) that join each other by an explicit member list on loopback and share
# the machine's PostgreSQL, behind HAProxy (by default on 9080) with sticky sessions and health
# checks on /health/ready. Files and resumable uploads live in one folder both nodes see, as they would on
# a shared file system; everything else a node writes stays in its own folder.
#
# Usage (after `mvn install -DskipTests`; needs haproxy and a PostgreSQL 15+ with pgvector on
# 127.0.0.1:5432 that user postgres may reach without a password):
#   bench/cluster.sh up           start both nodes and the load balancer
#   bench/cluster.sh down         stop everything
#   bench/cluster.sh status       each node's readiness and the balancer's view of it
#   bench/cluster.sh kill N       kill node N (1 or 2) at once, as a crash would (kill -9)
#   bench/cluster.sh stop N       stop node N gracefully: readiness goes DOWN, requests drain
#   bench/cluster.sh start N      start node N again and wait until it is ready
#   bench/cluster.sh restart N    stop N gracefully, then start it
# Environment, for a second cluster beside the first (the integration tests start one):
#   PROTOHIVE_CLUSTER_PORT            the balancer's port (9080); node N listens on this plus N
#   PROTOHIVE_CLUSTER_HTTPS_PORT      node N's HTTPS port is this plus N (9443)
#   PROTOHIVE_CLUSTER_HAZELCAST_PORT  node N's Hazelcast port is this plus N (5700)
#   PROTOHIVE_CLUSTER_DB              the database (protohive_cluster; created if missing)
#   PROTOHIVE_CLUSTER_DIR             the working folder (target/cluster)
# Any other PROTOHIVE_* variable set when a node starts reaches that node's configuration.
set -euo pipefail
cd "$(dirname "$0")/.."

wlp=platform/app/target/liberty/wlp
war=platform/app/target/protohive.war
root=$(realpath -m "${PROTOHIVE_CLUSTER_DIR:-target/cluster}")
database="${PROTOHIVE_CLUSTER_DB:-protohive_cluster}"
balancer_port="${PROTOHIVE_CLUSTER_PORT:-9080}"
https_port="${PROTOHIVE_CLUSTER_HTTPS_PORT:-9443}"
hazelcast_port="${PROTOHIVE_CLUSTER_HAZELCAST_PORT:-5700}"
[[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "cluster: PROTOHIVE_CLUSTER_DB: lower-case letters, digits, _" >&2; exit 1; }

die() { echo "cluster: $*" >&2; exit 1; }
log() { echo "cluster: $*" >&2; }

http_port() { echo $((balancer_port + $1)); }
# named by the balancer's port: a cluster on other ports is another pair of servers
server_name() { echo "protohive-$balancer_port-node$1"; }
server_dir() { echo "$wlp/usr/servers/$(server_name "$1")"; }

ready() { curl -sf -o /dev/null "http://127.0.0.1:$(http_port "$1")/health/ready"; }

wait_ready() {
  local n=$1 waited=0
  until ready "$n"; do
    (( waited >= 300 )) && die "node $n not ready after 300 s; see $(server_dir "$n")/logs/messages.log"
    sleep 1; waited=$((waited + 1))
  done
  log "node $n ready on $(http_port "$n") after ${waited} s"
}

prepare_database() {
  local psql=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
  "${psql[@]}" -c "select 1" postgres >/dev/null || die "no PostgreSQL answers on 127.0.0.1:5432"
  if [[ -z "$("${psql[@]}" -c "select 1 from pg_roles where rolname = 'protohive_app'" postgres)" ]]; then
    "${psql[@]}" -c "create role protohive_app login password 'cluster' nosuperuser nobypassrls" postgres
  fi
  if [[ -z "$("${psql[@]}" -c "select 1 from pg_database where datname = '$database'" postgres)" ]]; then
    "${psql[@]}" -c "create database $database" postgres
  fi
}

# one secrets key for both nodes, made once: every node of a cluster must read the same one
prepare_shared() {
  mkdir -p "$root/shared/files" "$root/shared/uploads" "$root/tenants-config"
  [[ -f "$root/secrets.key" ]] || (umask 077; openssl rand -base64 32 > "$root/secrets.key")
}

prepare_node() {
  local n=$1 dir data
  dir=$(server_dir "$n")
  data="$root/node$n"
  [[ -d "$dir" ]] || "$wlp/bin/server" create "$(server_name "$n")" >/dev/null
  cp server.xml "$dir/server.xml"
  cp platform/app/src/main/liberty/config/jvm.options "$dir/jvm.options"
  mkdir -p "$dir/dropins" "$data"
  cp "$war" "$dir/dropins/protohive.war"
  for shared in files uploads; do
    [[ -L "$data/$shared" ]] || ln -sfn "$root/shared/$shared" "$data/$shared"
  done
  cat > "$dir/server.env" <<EOF
PROTOHIVE_HTTP_PORT=$(http_port "$n")
PROTOHIVE_HTTPS_PORT=$((https_port + n))
PROTOHIVE_HAZELCAST_PORT=$((hazelcast_port + n))
PROTOHIVE_HAZELCAST_MEMBERS=127.0.0.1:$((hazelcast_port + 1)),127.0.0.1:$((hazelcast_port + 2))
PROTOHIVE_HAZELCAST_INTERFACE=127.0.0.1
PROTOHIVE_DATA_DIR=$data
PROTOHIVE_TENANTS_DIR=$root/tenants-config
PROTOHIVE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$database
PROTOHIVE_DB_USER=protohive_app
PROTOHIVE_DB_PASSWORD=cluster
PROTOHIVE_DB_OWNER_USER=postgres
PROTOHIVE_SECRETS_KEY=$(cat "$root/secrets.key")
PROTOHIVE_PUBLIC_URL=http://localhost:$balancer_port
EOF
}

start_node() {
  local n=$1
  ready "$n" && { log "node $n already runs"; return 0; }
  prepare_node "$n"
  "$wlp/bin/server" start "$(server_name "$n")" >/dev/null
  wait_ready "$n"
  balancer "set server nodes/node$n state ready" >/dev/null
  # a rolling restart goes on to the other node only once the balancer sends this one requests
  # again: its health checks need two answers first
  local waited=0
  while [[ -S "$root/haproxy.sock" && "$(balancer_status "$n")" != UP ]]; do
    (( waited >= 60 )) && die "the balancer does not send node $n requests after 30 s"
    sleep 0.5; waited=$((waited + 1))
  done
}

# a command to the balancer's admin socket, when the balancer runs; prints its answer
balancer() {
  [[ -S "$root/haproxy.sock" ]] || return 0
  python3 - "$root/haproxy.sock" "$1" <<'PY' 2>/dev/null || true
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
print(b"".join(iter(lambda: s.recv(65536), b"")).decode(), end="")
PY
}

# the balancer's view of node N: UP, DOWN, DRAIN, MAINT, or a transition such as "DOWN 1/2"
balancer_status() {
  balancer "show stat" | awk -F, -v node="node$1" '$1 == "nodes" && $2 == node { print $18 }'
}

# requests the balancer sends to node N right now
in_flight() {
  balancer "show stat" | awk -F, -v node="node$1" '$1 == "nodes" && $2 == node { print $5 }'
}

# the balancer sends node N nothing new, and the node ends what it has, before it stops
stop_node() {
  local n=$1 waited=0
  balancer "set server nodes/node$n state drain" >/dev/null
  while [[ "$(in_flight "$n")" =~ ^[1-9] ]] && (( waited < 30 )); do
    sleep 0.5; waited=$((waited + 1))
  done
  "$wlp/bin/server" stop "$(server_name "$n")" >/dev/null 2>&1 || true
  log "node $n stopped"
}

kill_node() {
  local pidfile pid
  pidfile="$wlp/usr/servers/.pid/$(server_name "$1").pid"
  pid=$(cat "$pidfile" 2>/dev/null || true)
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || die "node $1 does not run"
  kill -9 "$pid"
  rm -f "$pidfile"
  log "node $1 killed (pid $pid)"
}

write_balancer_config() {
  cat > "$root/haproxy.cfg" <<EOF
global
  log stdout format raw local0 warning
  pidfile $root/haproxy.pid
  stats socket $root/haproxy.sock mode 600 level admin

defaults
  mode http
  log global
  option httplog
  option redispatch
  retries 2
  timeout connect 2s
  timeout client 1h
  timeout server 1h
  timeout tunnel 1h

frontend protohive
  bind 127.0.0.1:$balancer_port
  # an upgrade to HTTP/2 in clear text (h2c, which Java's HTTP client asks for) would turn the
  # connection into a tunnel to one node, past draining and health checks, and end its requests
  # with that node: such a client keeps speaking HTTP/1.1 here (WebSocket upgrades pass)
  http-request del-header upgrade if { req.hdr(upgrade) -i h2c }
  # /metrics is for the operators' Prometheus, which scrapes each node on the nodes' own network
  # (docs/operations.md#metrics); refused here however the path is spelt
  http-request deny if { path,url_dec,lower -m reg (^|/)metrics(/|;|$) }
  default_backend nodes

backend nodes
  balance roundrobin
  # a person stays on the node that holds their UI session, until it goes away
  cookie PROTOHIVE_NODE insert indirect nocache httponly
  option httpchk GET /health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
  server node1 127.0.0.1:$(http_port 1) check cookie node1
  server node2 127.0.0.1:$(http_port 2) check cookie node2
EOF
}

start_balancer() {
  command -v haproxy >/dev/null || die "haproxy is needed: apt-get install haproxy"
  write_balancer_config
  haproxy -c -q -f "$root/haproxy.cfg" || die "haproxy refused $root/haproxy.cfg"
  if [[ -f "$root/haproxy.pid" ]] && kill -0 "$(cat "$root/haproxy.pid")" 2>/dev/null; then
    return 0
  fi
  haproxy -D -f "$root/haproxy.cfg"
  log "balancer on $balancer_port"
}

stop_balancer() {
  if [[ -f "$root/haproxy.pid" ]]; then
    kill "$(cat "$root/haproxy.pid")" 2>/dev/null || true
    rm -f "$root/haproxy.pid" "$root/haproxy.sock"
  fi
}

[[ -f "$war" && -d "$wlp" ]] || die "build first: mvn install -DskipTests"
command="${1:-}"
node="${2:-}"
case "$command" in
  up)
    prepare_database
    prepare_shared
    # one after the other: the first node migrates the schema
    start_node 1
    start_node 2
    start_balancer
    ;;
  down)
    stop_node 1
    stop_node 2
    stop_balancer
    ;;
  status)
    for n in 1 2; do
      if ready "$n"; then echo "node$n UP"; else echo "node$n DOWN"; fi
    done
    ;;
  kill|stop|start|restart)
    [[ "$node" == 1 || "$node" == 2 ]] || die "name node 1 or 2"
    case "$command" in
      kill) kill_node "$node" ;;
      stop) stop_node "$node" ;;
      start) prepare_shared; start_node "$node" ;;
      restart) stop_node "$node"; start_node "$node" ;;
    esac
    ;;
  *) die "usage: bench/cluster.sh up|down|status|kill N|stop N|start N|restart N" ;;
esac
