#!/bin/bash
# The postgres image's contract, for the image made from Debian's PostgreSQL (deploy/podman/images.sh): on an empty
# $PGDATA, a cluster owned by POSTGRES_USER with POSTGRES_PASSWORD (scram-sha-256 over the network), the database
# POSTGRES_DB, then the scripts in /docker-entrypoint-initdb.d; then the server in the foreground.
set -euo pipefail

# As root: the data and socket directories (a new volume, a fresh /run) belong to postgres, who runs the rest.
if [[ $(id -u) -eq 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

: "${POSTGRES_USER:?POSTGRES_USER is required}" "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c jit=off" -w start >/dev/null
  export PGHOST=/var/run/postgresql
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -qc "CREATE DATABASE \"${POSTGRES_DB:-$POSTGRES_USER}\""
  for script in /docker-entrypoint-initdb.d/*.sh; do
    [[ -e "$script" ]] && bash "$script"
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' -c jit=off "$@"
