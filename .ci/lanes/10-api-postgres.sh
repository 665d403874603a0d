#!/usr/bin/env bash
# API lane (issue 2). `npm test` already ran the API suites on PGlite; this lane
#   1. runs the same suites against the CI's real PostgreSQL (PAKAURA_TEST_DATABASE_URL from
#      .ci/env.sh; each test file in its own database copied from a migrated template), and
#   2. checks the README's start command on this bare machine: `npm start` (API on PGlite, no
#      database server used) answers healthy on API_PORT, then stops cleanly on SIGTERM.
# Any failure ends the lane with one line naming the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false

fail() {
  echo "api lane FAILED: $*" >&2
  exit 1
}

# get URL: prints the body of a 2xx answer, fails otherwise (node's fetch: no curl needed).
get() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
    .then(async (r) => { if (!r.ok) process.exit(1); console.log(await r.text()); }, () => process.exit(1))' "$1"
}

[ -n "${PAKAURA_TEST_DATABASE_URL:-}" ] || fail "PAKAURA_TEST_DATABASE_URL is not set (source .ci/env.sh)"
npx nx run api-container:test-postgres --output-style=static ||
  fail "api-container:test-postgres (the API suites on PostgreSQL at ${PAKAURA_TEST_DATABASE_URL%%://*}://…)"

# The health URL comes from the contract, like every port and path.
health_url=$(npx tsx -e "import { API_PORT, API_ROUTES } from './libs/contract/src/index.ts'; console.log('http://127.0.0.1:' + API_PORT + API_ROUTES.health)") ||
  fail "reading API_PORT and API_ROUTES.health from libs/contract"
data_dir=$(mktemp -d)
log=$(mktemp)
# Its own session, so the lane can signal npm, the supervisor and nothing else.
PGLITE_DATA_DIR="$data_dir" setsid npm start >"$log" 2>&1 &
start_pid=$!
stop_start() {
  kill -TERM -- "-$start_pid" 2>/dev/null || true
}
trap stop_start EXIT

healthy=""
for _ in $(seq 1 300); do
  if body=$(get "$health_url") && [[ "$body" == *'"status":"healthy"'* ]]; then
    healthy="$body"
    break
  fi
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$healthy" ]; then
  tail -n 30 "$log"
  fail "npm start did not serve healthy at $health_url within 300 s (its output is above)"
fi
echo "npm start: $health_url answered $healthy"
# The API is up first; the URL is printed once the frontend it starts next listens too.
for _ in $(seq 1 300); do
  grep -q "Pakaura is running at" "$log" && break
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 1
done
if ! grep -q "Pakaura is running at" "$log"; then
  tail -n 30 "$log"
  fail "npm start never printed its URL (its output is above)"
fi
echo "npm start: $(grep -o 'Pakaura is running at.*' "$log" | sed 's/\x1b\[[0-9;]*m//g')"

stop_start
trap - EXIT
for _ in $(seq 1 30); do
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 1
done
kill -0 "$start_pid" 2>/dev/null && fail "npm start was still running 30 s after SIGTERM"
if get "$health_url" >/dev/null; then
  fail "the API still answered at $health_url after npm start stopped"
fi
grep -q "SIGTERM: finishing in-flight requests, then exiting" "$log" ||
  fail "the API did not shut down gracefully (no SIGTERM line in its log)"
echo "npm start: stopped cleanly on SIGTERM"
rm -rf "$data_dir" "$log"
