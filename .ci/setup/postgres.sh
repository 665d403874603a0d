#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster on 127.0.0.1:5432 and creates the test role and database.
# Prints the connection URL the API suites read from PAKAURA_TEST_DATABASE_URL.
#
# A machine may come with the state of a server that was stopped without a shutdown (a stale
# postmaster.pid, a socket lock file in /var/run/postgresql owned by another user, a socket
# directory not owned by postgres). When no server runs, that state is cleared before the start;
# if Debian's cluster still does not start, a private cluster is made under /tmp and started on
# the same address, so the suites see the same URL either way.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
bin=/usr/lib/postgresql/$version/bin
socket_dir=/var/run/postgresql
data_dir=/var/lib/postgresql/$version/main

clear_stale_state() {
  if pgrep -x postgres >/dev/null 2>&1; then return 0; fi
  $SUDO install -d -o postgres -g postgres -m 2775 "$socket_dir"
  $SUDO rm -f "$socket_dir"/.s.PGSQL.5432 "$socket_dir"/.s.PGSQL.5432.lock "$data_dir/postmaster.pid"
}

start_private_cluster() {
  local root=/tmp/pakaura-ci-postgres
  echo "Debian's cluster did not start; starting a private cluster in $root"
  $SUDO rm -rf "$root"
  $SUDO install -d -o postgres -g postgres -m 0700 "$root" "$root/socket"
  as_postgres "$bin/initdb" -D "$root/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p 5432 -k $root/socket" start \
    || { tail -n 30 "$root/server.log" >&2; return 1; }
  export PGHOST="$root/socket"
}

if ! pg_lsclusters -h | grep -q online; then
  clear_stale_state
  if ! $SUDO pg_ctlcluster "$version" main start; then
    $SUDO tail -n 20 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
    start_private_cluster
  fi
fi
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
as_postgres env ${PGHOST:+PGHOST=$PGHOST} psql -v ON_ERROR_STOP=1 -q <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pakaura') THEN
    CREATE ROLE pakaura LOGIN PASSWORD 'pakaura-ci' CREATEDB;
  END IF;
END $$;
SQL
as_postgres env ${PGHOST:+PGHOST=$PGHOST} psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'pakaura_test'" | grep -q 1 \
  || as_postgres env ${PGHOST:+PGHOST=$PGHOST} createdb -O pakaura pakaura_test
echo "PostgreSQL $version ready: postgres://pakaura:***@127.0.0.1:5432/pakaura_test"
