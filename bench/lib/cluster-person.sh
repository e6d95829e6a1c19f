# Sourced by the cluster load scripts after `bench/cluster.sh up`: signs in as the platform admin,
# makes a tenant with one person in it, and sets $token to that person's access token and
# $organizations to the number of organizations made for them. Needs $base (the balancer) and $root.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

cluster_person() {
  local organizations=${1:-1} admin_password admin slug email password
  admin_password=$(cat "$root/node1/initial-admin-password" 2>/dev/null || cat "$root/node2/initial-admin-password")
  admin=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@protohive.local\",\"password\":\"$admin_password\"}" | json accessToken)
  slug="bench-$(date +%s%N)"
  email="person@$slug.example.com"
  password="cluster passphrase words"
  curl -sf -X POST "$base/api/v1/platform/tenants" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"slug\":\"$slug\",\"name\":\"Bench\",\"selfSignup\":true,\"emailVerification\":false,\"admins\":[\"$email\"]}" >/dev/null
  curl -sf -X POST "$base/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\",\"displayName\":\"Bench\",\"tenant\":\"$slug\"}" >/dev/null
  token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | json accessToken)
  for i in $(seq 1 "$organizations"); do
    curl -sf -X POST "$base/api/v1/organizations" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"name\":\"Bench $i\"}" >/dev/null
  done
}
