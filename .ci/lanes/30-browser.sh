#!/usr/bin/env bash
# Browser suite against the production builds (seed T047/T052, issue 3).
# Builds the frontend (next build, standalone, assembled in dist/apps/frontend) and the API
# (dist/apps/api-container) through Nx, then runs the whole Playwright suite in Debian's Chromium.
# Playwright starts, on 127.0.0.1, the API on the CI's PostgreSQL (PAKAURA_TEST_DATABASE_URL,
# after its migrate step), the standalone Next server pointed at it, and a second Next server
# whose API is unreachable (the "API is down" tests); it stops all three when the suite ends.
# Artifacts: dist/e2e/screenshots (main screens), dist/e2e/report (HTML), dist/e2e/junit.xml.
set -euo pipefail
export NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1

if [ -z "${PAKAURA_TEST_DATABASE_URL:-}" ]; then
  echo "30-browser: PAKAURA_TEST_DATABASE_URL is not set; source .ci/env.sh (CI's PostgreSQL)"
  exit 1
fi
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "30-browser: no Chromium at $chromium; install Debian's: apt-get install chromium (listed in .ci/setup/apt-packages.txt)"
  exit 1
fi

npx nx run-many -t standalone build -p frontend api-container --output-style=static
npx nx run frontend-e2e:e2e --exclude-task-dependencies --output-style=static
echo "30-browser: screenshots in dist/e2e/screenshots, report in dist/e2e/report"
