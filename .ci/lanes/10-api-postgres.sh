#!/usr/bin/env bash
# API lane (issue 2). `npm test` already ran the API suites on PGlite; this lane runs the same
# suites against the CI's real PostgreSQL (PAKAURA_TEST_DATABASE_URL from .ci/env.sh; each test
# file in its own database copied from a migrated template), among them the database-fault
# suite (test/db/database-faults.test.ts: a TCP proxy of its own on 127.0.0.1 refuses, resets and
# black-holes the API's connections) and main.js migrating an empty database at start. The README's start command
# (`npm start`: the API on PGlite and the frontend) is checked by the browser lane.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false

fail() {
  echo "api lane FAILED: $*" >&2
  exit 1
}

[ -n "${PAKAURA_TEST_DATABASE_URL:-}" ] || fail "PAKAURA_TEST_DATABASE_URL is not set (source .ci/env.sh)"
npx nx run api-container:test-postgres --output-style=static ||
  fail "api-container:test-postgres (the API suites on PostgreSQL at ${PAKAURA_TEST_DATABASE_URL%%://*}://…)"

