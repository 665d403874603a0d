#!/usr/bin/env bash
# Runs the images built by build-images.sh the way Kubernetes runs them: read-only root
# filesystem, numeric user 10001, host network (CI has no bridge), a tmpfs only where an app
# writes, against a fresh database on the CI's PostgreSQL.
#   containers.sh start   migrate (from the API image), start both, wait until Docker says healthy
#   containers.sh smoke   the browser suite's @smoke tests against the frontend container
#   containers.sh stop    remove both containers
# Ports: IMAGES_API_PORT / IMAGES_WEB_PORT (default 8000 / 3000, the contract's ports).
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"

api_port=${IMAGES_API_PORT:-8000}
web_port=${IMAGES_WEB_PORT:-3000}
api_name=pakaura-images-api
web_name=pakaura-images-frontend
app_user=10001:10001

image_of() {
  echo "$(record_field "$1" repository):$(record_field "$1" tag)"
}

run_flags=(--network host --read-only --user "$app_user" --health-interval 2s)

start() {
  require_engine
  local admin_url=${PAKAURA_TEST_DATABASE_URL:-}
  [ -n "$admin_url" ] || fail "PAKAURA_TEST_DATABASE_URL is not set: source .ci/env.sh (and run .ci/setup/postgres.sh)"
  local database_url=${admin_url%/*}/pakaura_images
  # A throwaway signing key for this run only.
  local jwt_secret api web
  jwt_secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
  api=$(image_of api)
  web=$(image_of frontend)
  quietly "drop database pakaura_images" psql "$admin_url" -qc 'DROP DATABASE IF EXISTS pakaura_images'
  quietly "create database pakaura_images" psql "$admin_url" -qc 'CREATE DATABASE pakaura_images'
  quietly "migrate (docker run $api node migrate.js)" \
    "$DOCKER" run --rm --network host --read-only --user "$app_user" \
    -e DATABASE_URL="$database_url" "$api" node migrate.js
  echo "migrated pakaura_images with $api"
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
}

case "${1:-}" in
  start) start ;;
  smoke) smoke ;;
  stop) stop ;;
  *) fail "usage: containers.sh start|smoke|stop" ;;
esac
