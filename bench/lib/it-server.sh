# Sourced by the load scripts: starts the integration-test server with the built WAR and stops it,
# and removes the tenants the script declared, when the script exits. Needs `mvn install -DskipTests`.
wlp=platform/app/target/liberty/wlp
server=protohive-it
dropins="$wlp/usr/servers/$server/dropins"
tenants=platform/app/target/it-tenants-config
base="http://localhost:9180/"
trap '"$wlp/bin/server" stop "$server" >/dev/null 2>&1 || true; rm -f "$dropins/protohive.war" "$tenants"/bench-*.yaml' EXIT

start_it_server() {
  mkdir -p "$tenants"
  cp platform/app/target/protohive.war "$dropins/"
  "$wlp/bin/server" start "$server" >/dev/null
  until curl -sf "${base}health/ready" >/dev/null; do sleep 0.2; done
}
