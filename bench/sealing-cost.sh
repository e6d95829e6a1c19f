#!/usr/bin/env bash
# What sealing message contents costs on an authenticated read, GET
# /api/v1/conversations/{id}/messages (a page of 50): requests per second with the conversation's
# messages sealed (each opened with the tenant's field key, AES-256-GCM) against the same messages
# written back in clear, as before sealing, on the same server in one run. Needs wrk and psql.
# Usage: bench/sealing-cost.sh [seconds] [connections]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
source bench/lib/bench-server.sh
sql() { psql -h 127.0.0.1 -p 15433 -U postgres -qtA -v ON_ERROR_STOP=1 -c "$1" postgres; }
rps() { wrk -t2 -c"$connections" -d"${seconds}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
post() {
  curl -sf -X POST "$base/api/v1/$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}

start_bench_server
base=${base%/}
email="bench-$(date +%s%N)@example.com"
password="benchmark passphrase words"
curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\",\"tenant\":\"demo\"}" >/dev/null
token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json accessToken)
organization=$(post organizations '{"name":"Sealing bench"}' | json id)
agent=$(post "organizations/$organization/agents" '{"name":"Quiet","role":"Listens"}' | json id)
conversation=$(post conversations \
  "{\"organizationId\":\"$organization\",\"agentIds\":[\"$agent\"]}" | json id)
# a message of about 330 characters, as people write them
words="Please prepare the quarterly summary for the Lisbon office, with the revenue by product"
words="$words line, the open invoices older than sixty days, and a short note on hiring plans;"
words="$words compare each figure with the same quarter last year and flag anything that moved"
words="$words by more than ten percent, then send it to the finance team before Friday noon."
for i in $(seq 1 50); do
  post "conversations/$conversation/messages" "{\"content\":\"$words\"}" >/dev/null
done
# the page holds the people's 50 messages alone: the agent's turns (it has no model route) end,
# and what they wrote goes
until [[ $(sql "select count(*) from agent_run where conversation_id = '$conversation'
               and status = 'RUNNING'") == 0 ]]; do sleep 1; done
sql "delete from message where conversation_id = '$conversation' and author_kind <> 'USER'" >/dev/null
messages="$base/api/v1/conversations/$conversation/messages?limit=50"
people=$(sql "select count(*) from message where conversation_id = '$conversation'")

rps -d5s -H "Authorization: Bearer $token" "$messages" >/dev/null
sealed=$(rps -H "Authorization: Bearer $token" "$messages")
sql "update message set content = '$words', content_key = null
     where conversation_id = '$conversation' and author_kind = 'USER'" >/dev/null
rps -d5s -H "Authorization: Bearer $token" "$messages" >/dev/null
clear=$(rps -H "Authorization: Bearer $token" "$messages")
echo "a page of $people messages of about 330 characters"
echo "GET messages, in clear: $clear req/s"
echo "GET messages, sealed:   $sealed req/s"
python3 -c "print(f'ratio sealed/clear: {float($sealed) / float($clear):.2f}')"
