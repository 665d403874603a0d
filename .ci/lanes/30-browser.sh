#!/usr/bin/env bash
# Browser lane (issue 3), against the production builds.
#   1. Builds the frontend (next build, standalone, assembled in dist/apps/frontend) and the API
#      (dist/apps/api-container) through Nx, then runs the whole Playwright suite in Debian's
#      Chromium. Playwright starts, on 127.0.0.1, the API on the CI's PostgreSQL
#      (PAKAURA_TEST_DATABASE_URL, after its migrate step), the standalone Next server pointed at
#      it, and a second Next server whose API is unreachable (the "API is down" tests); it stops
#      all three when the suite ends. Artifacts: dist/e2e/screenshots (the main screens),
#      dist/e2e/report (HTML), dist/e2e/junit.xml.
#   2. Checks `npm start` (README): the API on PGlite (healthy on API_PORT, no database server)
#      and the frontend together, one URL printed (the frontend's), the sign-in form and the API
#      reachable through it, Ctrl-C stopping both (the API finishing in-flight requests first).
# Any failure ends the lane with one line naming the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1

fail() {
  echo "30-browser FAILED: $*" >&2
  exit 1
}

# get URL: prints the body of a 2xx answer, fails otherwise (node's fetch: no curl needed).
get() {
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) })
    .then(async (r) => { if (!r.ok) process.exit(1); console.log(await r.text()); }, () => process.exit(1))' "$1"
}

[ -n "${PAKAURA_TEST_DATABASE_URL:-}" ] ||
  fail "PAKAURA_TEST_DATABASE_URL is not set (source .ci/env.sh: the CI's PostgreSQL)"
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] ||
  fail "no Chromium at $chromium; install Debian's: apt-get install chromium (in .ci/setup/apt-packages.txt)"

npx nx run-many -t standalone build -p frontend api-container --output-style=static ||
  fail "building the frontend (standalone) and the API (nx run-many -t standalone build)"
npx nx run frontend-e2e:e2e --exclude-task-dependencies --output-style=static ||
  fail "the browser suite (report: dist/e2e/report, traces of failures: dist/e2e/test-results)"
echo "30-browser: suite passed; screenshots in dist/e2e/screenshots, report in dist/e2e/report"

# Paths from the contract, like every port and path.
read -r api_port api_health frontend_health < <(npx tsx -e "import { API_PORT, API_ROUTES, FRONTEND_HEALTH_PATH } from './libs/contract/src/index.ts'; console.log(API_PORT, API_ROUTES.health, FRONTEND_HEALTH_PATH)") ||
  fail "reading API_PORT, API_ROUTES.health and FRONTEND_HEALTH_PATH from libs/contract"
data_dir=$(mktemp -d)
log=$(mktemp)
# Its own session, so the lane can signal npm, the supervisor and nothing else.
PGLITE_DATA_DIR="$data_dir" setsid npm start >"$log" 2>&1 &
start_pid=$!
trap 'kill -TERM -- "-$start_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 300); do
  # Colours off first (picocolors colours its output whenever CI is set).
  url=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | sed -n 's/.*Pakaura is running at \(http:[^ ]*\).*/\1/p' | head -n1)
  [ -n "$url" ] && break
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$url" ]; then
  tail -n 30 "$log"
  fail "npm start printed no URL within 300 s (its output is above)"
fi
get "$url/" | grep -q 'type="password"' || fail "npm start: $url/ shows no sign-in form"
get "$url$api_health" | grep -q '"status":"healthy"' ||
  fail "npm start: the API is not healthy through the frontend at $url$api_health"
# The API itself, on its own port, on PGlite: no database server is used.
api_url="http://127.0.0.1:$api_port"
get "$api_url$api_health" | grep -q '"status":"healthy","database":"ok".*"engine":"pglite"' ||
  fail "npm start: the API is not healthy at $api_url$api_health"
echo "30-browser: npm start serves the sign-in form at $url and the API at $api_url"

kill -INT -- "-$start_pid"
for _ in $(seq 1 30); do
  kill -0 "$start_pid" 2>/dev/null || break
  sleep 1
done
kill -0 "$start_pid" 2>/dev/null && fail "npm start was still running 30 s after Ctrl-C"
trap - EXIT
if get "$url$frontend_health" >/dev/null; then
  fail "the frontend still answered at $url after npm start stopped"
fi
if get "$api_url$api_health" >/dev/null; then
  fail "the API still answered at $api_url after npm start stopped"
fi
grep -q "SIGTERM: finishing in-flight requests, then exiting" "$log" ||
  fail "the API did not shut down gracefully on Ctrl-C (no SIGTERM line in its log)"
echo "30-browser: npm start stopped both on Ctrl-C, the API gracefully"
rm -rf "$data_dir" "$log"
