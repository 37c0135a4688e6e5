#!/bin/bash
# Run once by the postgres image's entrypoint on an empty data directory (mounted at
# /docker-entrypoint-initdb.d): one database per service, since services never share tables.
# KOMMUNE20_DATABASES lists them (docker-compose.yml); the default covers every hub service.
set -euo pipefail

databases="${KOMMUNE20_DATABASES:-registry federation library meetings projects notifications}"

for db in $databases; do
  echo "kommune20: creating database $db"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
SELECT 'CREATE DATABASE "$db" OWNER "$POSTGRES_USER"'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
SQL
done
