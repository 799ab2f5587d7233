#!/usr/bin/env bash
# Start a PostgreSQL server for the store tests and print the URL they read from FRONTLINES_TEST_PG.
#
#   eval "$(.ci/start-postgres.sh)"    # exports FRONTLINES_TEST_PG in the calling shell
#
# Installs postgresql (Debian/Ubuntu, apt) when missing, starts a cluster on 127.0.0.1:5432 without
# systemd, and creates the role and database `frontlines_test`.  Safe to run twice.
set -euo pipefail

PGUSER_NAME=frontlines_test
PGDB_NAME=frontlines_test
PGPASS=${FRONTLINES_TEST_PG_PASSWORD:-frontlines_test}
PGPORT=${FRONTLINES_TEST_PG_PORT:-5432}

log() { echo "start-postgres: $*" >&2; }

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  log "installing postgresql"
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi

VER=$(ls /usr/lib/postgresql | sort -V | tail -1)
BIN=/usr/lib/postgresql/$VER/bin

if command -v pg_ctlcluster >/dev/null 2>&1; then
  # Debian's wrapper: make sure a cluster exists, listens on 127.0.0.1, and is running.
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$VER main$"; then
    pg_createcluster "$VER" main -p "$PGPORT" >&2
  fi
  pg_ctlcluster "$VER" main status >/dev/null 2>&1 || pg_ctlcluster "$VER" main start -o "-c listen_addresses=127.0.0.1 -p $PGPORT" >&2
else
  DATA=${PGDATA:-/tmp/frontlines-pgdata}
  if [ ! -s "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres "$DATA"
    as_postgres "$BIN/initdb" -D "$DATA" -A trust >&2
  fi
  as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || \
    as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-c listen_addresses=127.0.0.1 -p $PGPORT" -w start >&2
fi

for _ in $(seq 1 30); do
  as_postgres psql -p "$PGPORT" -qAtc "select 1" >/dev/null 2>&1 && break
  sleep 1
done

as_postgres psql -p "$PGPORT" -v ON_ERROR_STOP=1 -qAt >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER_NAME') THEN
    CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS';
  ELSE
    ALTER ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS';
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$PGPORT" -qAtc "select 1 from pg_database where datname='$PGDB_NAME'" | grep -q 1; then
  as_postgres createdb -p "$PGPORT" -O "$PGUSER_NAME" "$PGDB_NAME" >&2
fi

URL="postgresql+psycopg://$PGUSER_NAME:$PGPASS@127.0.0.1:$PGPORT/$PGDB_NAME"
export FRONTLINES_TEST_PG="$URL"
[ -n "${GITHUB_ENV:-}" ] && echo "FRONTLINES_TEST_PG=$URL" >> "$GITHUB_ENV"
log "ready: $URL"
echo "export FRONTLINES_TEST_PG=$URL"
