#!/usr/bin/env bash
# What sealing message contents costs on an authenticated read, GET
# /api/v1/conversations/{id}/messages (a page of 50): requests per second of a conversation whose
# messages are sealed (each opened with the tenant's field key, AES-256-GCM) against another of the
# same messages written back in clear, as before sealing, measured in turns on the same server in
# one run. Needs wrk and psql.
# Usage: bench/sealing-cost.sh [seconds] [connections]   (after `mvn install -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-16}"
source bench/lib/bench-server.sh
source bench/lib/wrk-load.sh
sql() { psql -h 127.0.0.1 -p 15433 -U postgres -qtA -v ON_ERROR_STOP=1 -c "$1" postgres; }
post() {
  curl -sf -X POST "$base/api/v1/$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}

start_bench_server
base=${base%/}
demo_person
organization=$(post organizations '{"name":"Sealing bench"}' | json id)
agent=$(post "organizations/$organization/agents" '{"name":"Quiet","role":"Listens"}' | json id)
# a message of about 330 characters, as people write them
words="Please prepare the quarterly summary for the Lisbon office, with the revenue by product"
words="$words line, the open invoices older than sixty days, and a short note on hiring plans;"
words="$words compare each figure with the same quarter last year and flag anything that moved"
words="$words by more than ten percent, then send it to the finance team before Friday noon."

# a conversation of the person's 50 messages alone: the agent's turns (it has no model route)
# end, and what they wrote goes
conversation_of_50() {
  local conversation
  conversation=$(post conversations \
    "{\"organizationId\":\"$organization\",\"agentIds\":[\"$agent\"]}" | json id)
  for i in $(seq 1 50); do
    post "conversations/$conversation/messages" "{\"content\":\"$words\"}" >/dev/null
  done
  until [[ $(sql "select count(*) from agent_run where conversation_id = '$conversation'
                 and status = 'RUNNING'") == 0 ]]; do sleep 1; done
  sql "delete from message where conversation_id = '$conversation' and author_kind <> 'USER'" >/dev/null
  echo "$conversation"
}
sealed_conversation=$(conversation_of_50)
clear_conversation=$(conversation_of_50)
sql "update message set content = '$words', content_key = null
     where conversation_id = '$clear_conversation'" >/dev/null
page() { echo "$base/api/v1/conversations/$1/messages?limit=50"; }

# warmed, then measured in turns, so that neither gains from coming later
warm -H "Authorization: Bearer $token" "$(page "$sealed_conversation")"
warm -H "Authorization: Bearer $token" "$(page "$clear_conversation")"
sealed=0
clear=0
for round in 1 2; do
  sealed=$(python3 -c "print($sealed + $(rps -H "Authorization: Bearer $token" "$(page "$sealed_conversation")"))")
  clear=$(python3 -c "print($clear + $(rps -H "Authorization: Bearer $token" "$(page "$clear_conversation")"))")
done
echo "a page of 50 messages of about 330 characters, two rounds of ${seconds} s each"
echo "GET messages, in clear: $(python3 -c "print(round($clear / 2, 1))") req/s"
echo "GET messages, sealed:   $(python3 -c "print(round($sealed / 2, 1))") req/s"
python3 -c "print(f'ratio sealed/clear: {$sealed / $clear:.2f}')"
