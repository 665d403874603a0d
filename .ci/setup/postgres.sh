#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1:5432 and creates the test role and database.
# Prints the connection URL the API suites read from PAKAURA_TEST_DATABASE_URL.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
if ! pg_lsclusters -h | grep -q online; then
  $SUDO pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
as_postgres psql -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pakaura') THEN
    CREATE ROLE pakaura LOGIN PASSWORD 'pakaura-ci' CREATEDB;
  END IF;
END $$;
SQL
as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'pakaura_test'" | grep -q 1 \
  || as_postgres createdb -O pakaura pakaura_test
echo "PostgreSQL $version ready: postgres://pakaura:***@127.0.0.1:5432/pakaura_test"
