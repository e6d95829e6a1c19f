# Sourced by the load scripts that measure with wrk against the bench server: `rps` runs wrk with
# the script's $seconds and $connections and prints its requests per second, `warm` loads a path
# before it is measured, `json` prints a field of the JSON on stdin, and `demo_person` signs a new
# person of the `demo` tenant up and in, setting $token. Needs $base without its trailing slash.
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

rps() { wrk -t2 -c"$connections" -d"${seconds}s" "$@" | awk '/Requests\/sec/ {print $2}'; }

# the JIT still compiles the request path for tens of seconds after a start (in a profile 25 s into
# a load, its threads took a third of the CPU), so a path is loaded for 30 s before it is measured
warm() { wrk -t2 -c"$connections" -d30s "$@" >/dev/null; }

json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

demo_person() {
  local email password
  email="bench-$(date +%s%N)@example.com"
  password="benchmark passphrase words"
  curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\",\"tenant\":\"demo\"}" >/dev/null
  token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json accessToken)
}
