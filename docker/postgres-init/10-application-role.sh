#!/bin/sh
# The role the platform connects as: it may log in, owns nothing and cannot bypass row-level
# security. The platform's migrations grant it what it needs.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$PROTOHIVE_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE protohive_app LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'password';
SQL
