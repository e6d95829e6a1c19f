#!/usr/bin/env bash
# Builds and installs pgvector for PostgreSQL 15 from Debian trixie's *source* package (Debian 12 does not
# package pgvector). The system's apt sources, lists and caches are left untouched: a private sources
# list, lists dir and cache dir live in a temp dir that is removed afterwards. Idempotent: does nothing
# when vector.control and vector.so are already installed. Run as root.
#   env: PG_CONFIG (default /usr/lib/postgresql/15/bin/pg_config), DEBIAN_MIRROR (default: the Debian
#   mirror the system's apt sources use, else http://deb.debian.org/debian)
set -euo pipefail

log() { echo "ci: $*"; }

PG_CONFIG="${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}"
[[ -x "$PG_CONFIG" ]] || { echo "ci: $PG_CONFIG not found (install postgresql-server-dev-15)" >&2; exit 1; }
SHAREDIR="$("$PG_CONFIG" --sharedir)"
PKGLIBDIR="$("$PG_CONFIG" --pkglibdir)"

if [[ -f "$SHAREDIR/extension/vector.control" && -f "$PKGLIBDIR/vector.so" ]]; then
  log "pgvector already installed ($(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$SHAREDIR/extension/vector.control"))"
  exit 0
fi

# The Debian mirror this machine already uses (first enabled ".../debian" URI), so we hit the same host.
detect_mirror() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [[ -f "$f" ]] || continue
    sed -n -E \
      -e 's/^[[:space:]]*URIs:[[:space:]]*//p' \
      -e 's/^[[:space:]]*deb(-src)?[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\3/p' "$f"
  done | tr ' ' '\n' | grep -E '^https?://[^[:space:]]+/debian/?$' | head -n1 | sed 's:/*$::'
}
MIRROR="${DEBIAN_MIRROR:-$(detect_mirror || true)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

start=$SECONDS
WORK="$(mktemp -d /var/tmp/pgvector-build.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/lists/partial" "$WORK/cache/archives/partial" "$WORK/src"
# debian-archive-keyring on Debian 12 already holds the trixie archive keys.
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" > "$WORK/sources.list"
APT_OPTS=(-q -o "Dir::Etc::sourcelist=$WORK/sources.list" -o Dir::Etc::sourceparts=-
          -o "Dir::State::Lists=$WORK/lists" -o "Dir::Cache=$WORK/cache" -o APT::Sandbox::User=root)

log "pgvector: fetching trixie source index from $MIRROR"
apt-get "${APT_OPTS[@]}" update >"$WORK/apt-update.log" 2>&1 || { cat "$WORK/apt-update.log" >&2; exit 1; }
log "pgvector: downloading source package"
( cd "$WORK/src" && apt-get "${APT_OPTS[@]}" source pgvector ) >"$WORK/apt-source.log" 2>&1 \
  || { cat "$WORK/apt-source.log" >&2; exit 1; }
SRCDIR="$(find "$WORK/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
[[ -n "$SRCDIR" ]] || { echo "ci: pgvector source not found after apt-get source" >&2; exit 1; }

log "pgvector: building $(basename "$SRCDIR") against $("$PG_CONFIG" --version)"
make -C "$SRCDIR" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" >"$WORK/make.log" 2>&1 || { tail -n 50 "$WORK/make.log" >&2; exit 1; }
make -C "$SRCDIR" PG_CONFIG="$PG_CONFIG" install >>"$WORK/make.log" 2>&1 || { tail -n 50 "$WORK/make.log" >&2; exit 1; }

[[ -f "$SHAREDIR/extension/vector.control" && -f "$PKGLIBDIR/vector.so" ]] \
  || { echo "ci: pgvector install did not produce vector.control/vector.so" >&2; exit 1; }
log "pgvector: installed in $((SECONDS - start)) s"
