#!/usr/bin/env bash
# Runs the images built by build-images.sh the way Kubernetes runs them: read-only root
# filesystem, numeric user 10001, host network (CI has no bridge), a tmpfs only where an app
# writes, against a fresh database on the CI's PostgreSQL.
#   containers.sh start   migrate (from the API image), start both, wait until Docker says healthy
#   containers.sh health  the task list's T046 check inside the API container: curl -s .../health
#   containers.sh smoke   the browser suite's @smoke tests against the frontend container
#   containers.sh stop    remove both containers
# Ports: IMAGES_API_PORT / IMAGES_WEB_PORT (default 8000 / 3000, the contract's ports). Names of
# the containers and of the database end with IMAGES_RUN_ID (default: none), so two runs on one
# machine do not meet.
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"

api_port=${IMAGES_API_PORT:-8000}
web_port=${IMAGES_WEB_PORT:-3000}
run_id=${IMAGES_RUN_ID:+-$IMAGES_RUN_ID}
api_name=pakaura-images-api$run_id
web_name=pakaura-images-frontend$run_id
database=pakaura_images${run_id//-/_}
app_user=10001:10001

image_of() {
  echo "$(record_field "$1" repository):$(record_field "$1" tag)"
}

run_flags=(--network host --read-only --user "$app_user" --health-interval 2s)

start() {
  require_engine
  local admin_url=${PAKAURA_TEST_DATABASE_URL:-}
  [ -n "$admin_url" ] || fail "PAKAURA_TEST_DATABASE_URL is not set: source .ci/env.sh (and run .ci/setup/postgres.sh)"
  local database_url=${admin_url%/*}/$database
  # A throwaway signing key for this run only.
  local jwt_secret api web
  jwt_secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
  api=$(image_of api)
  web=$(image_of frontend)
  quietly "drop database $database" psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database"
  quietly "create database $database" psql "$admin_url" -qc "CREATE DATABASE $database"
  quietly "migrate (docker run $api node migrate.js)" \
    "$DOCKER" run --rm --network host --read-only --user "$app_user" \
    -e DATABASE_URL="$database_url" "$api" node migrate.js
  echo "migrated $database with $api"
  local api_started web_started
  api_started=$(now)
  quietly "docker run $api" "$DOCKER" run -d --name "$api_name" "${run_flags[@]}" \
    -e ENVIRONMENT=production -e HOST=127.0.0.1 -e PORT="$api_port" \
    -e DATABASE_URL="$database_url" -e JWT_SECRET="$jwt_secret" \
    -e FRONTEND_URL="http://127.0.0.1:$web_port" -e API_URL="http://127.0.0.1:$api_port" \
    "$api"
  web_started=$(now)
  quietly "docker run $web" "$DOCKER" run -d --name "$web_name" "${run_flags[@]}" \
    --tmpfs /app/apps/frontend/.next/cache:uid=10001,gid=10001,mode=0700 \
    -e HOSTNAME=127.0.0.1 -e PORT="$web_port" -e API_URL="http://127.0.0.1:$api_port" \
    "$web"
  wait_healthy "$api_name" api "$api_started"
  wait_healthy "$web_name" frontend "$web_started"
}

# wait_healthy NAME APP STARTED: until Docker's HEALTHCHECK reports healthy (timed from STARTED,
# when the container was started); a container that exits or turns unhealthy fails with its last
# log line.
wait_healthy() {
  local name=$1 app=$2 started=$3 status
  for _ in $(seq 1 240); do
    status=$("$DOCKER" inspect --format '{{.State.Status}}/{{.State.Health.Status}}' "$name")
    case $status in
      running/healthy)
        echo "$name is healthy after $(elapsed "$started") s"
        figure "${app}_healthy_seconds" "$(elapsed "$started")"
        return
        ;;
      running/unhealthy | exited/* | dead/*)
        fail "$name is ${status#*/} (${status%/*}): $("$DOCKER" logs --tail 20 "$name" 2>&1 | grep -v '^\s*$' | tail -n 1)"
        ;;
    esac
    sleep 0.5
  done
  fail "$name did not turn healthy within 120 s (status $status): $("$DOCKER" logs --tail 5 "$name" 2>&1 | tail -n 1)"
}

# The task list's T046, as `kubectl exec deploy/api -- curl -s localhost:8000/api/v1/health` runs
# it: the image's own curl, inside the container, must print JSON whose status is "healthy".
health() {
  local body
  body=$("$DOCKER" exec "$api_name" curl -s "localhost:$api_port/api/v1/health") ||
    fail "docker exec $api_name curl -s localhost:$api_port/api/v1/health failed (exit $?)"
  node -e 'const b = JSON.parse(process.argv[1]); if (b.status !== "healthy") process.exit(1)' "$body" ||
    fail "the API's health answer inside its container is not healthy: $body"
  echo "T046 inside $api_name: curl -s localhost:$api_port/api/v1/health -> $body"
}

smoke() {
  local log="$IMAGES_LOG_DIR/smoke.log"
  if ! E2E_BASE_URL="http://127.0.0.1:$web_port" npx playwright test --grep @smoke \
    -c apps/frontend-e2e/playwright.config.ts >"$log" 2>&1; then
    fail "browser smoke suite failed against the containers: $(last_error_line "$log") (full output: ${log})"
  fi
  grep -aE '[0-9]+ passed' "$log" | tail -n 1
}

stop() {
  "$DOCKER" rm -f "$api_name" "$web_name" >/dev/null 2>&1 || true
  if [ -n "$run_id" ] && [ -n "${PAKAURA_TEST_DATABASE_URL:-}" ]; then
    psql "$PAKAURA_TEST_DATABASE_URL" -qc "DROP DATABASE IF EXISTS $database" >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) start ;;
  health) health ;;
  smoke) smoke ;;
  stop) stop ;;
  *) fail "usage: containers.sh start|health|smoke|stop" ;;
esac
