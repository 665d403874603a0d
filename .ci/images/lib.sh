# shellcheck shell=bash
# Helpers for the image lane's scripts (sourced). Every failure ends with ONE line naming the
# cause; the full output of the failed command stays in a log file whose path that line gives.

# The Debian docker.io client: the `docker` first on PATH may be a newer client without buildx,
# whose `build` cannot talk BuildKit to the 20.10 engine.
DOCKER=${DOCKER:-/usr/bin/docker}
export DOCKER_BUILDKIT=1
IMAGES_LOG_DIR=${IMAGES_LOG_DIR:-${TMPDIR:-/tmp}/pakaura-images-logs}
mkdir -p "$IMAGES_LOG_DIR"

fail() {
  echo "images: $*" >&2
  exit 1
}

# quietly LABEL CMD...: runs CMD with its output in a log; on failure prints one line with the
# label, the last meaningful line of the output and the log's path.
quietly() {
  local label=$1
  shift
  local log
  log="$IMAGES_LOG_DIR/$(echo "$label" | tr -c 'a-zA-Z0-9' '-').log"
  if ! "$@" >"$log" 2>&1; then
    fail "${label} failed: $(last_error_line "$log") (full output: ${log})"
  fi
}

# The line of a log that most likely names the cause: the last one that says error/failed, else
# the last non-empty line; in an Nx log, only what the tasks printed before Nx's summary counts.
last_error_line() {
  local line
  line=$(before_nx_summary "$1" | grep -aiE 'error|failed|not found|denied|cannot|no such' | tail -n 1)
  [ -n "$line" ] || line=$(before_nx_summary "$1" | grep -av '^\s*$' | tail -n 1)
  echo "$line" | sed -e 's/^[[:space:]]*//' | cut -c 1-400
}

# A log without colours and without Nx's closing summary (" NX   Running target ... failed" on).
before_nx_summary() {
  sed -e 's/\x1b\[[0-9;]*m//g' "$1" | awk '/NX +Running target .*failed[[:space:]]*$/ { exit } { print }'
}

# Seconds since the epoch with millisecond precision, for timings.
now() {
  date +%s.%N
}

elapsed() {
  awk -v start="$1" -v end="$(now)" 'BEGIN { printf "%.1f", end - start }'
}

engine_answers() {
  "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

require_engine() {
  command -v "$DOCKER" >/dev/null 2>&1 || fail "$DOCKER is missing: apt-get install -y docker.io"
  engine_answers || fail "no Docker engine answers on $("$DOCKER" context inspect --format '{{.Endpoints.docker.Host}}' 2>/dev/null || echo /var/run/docker.sock): start it with .ci/images/dockerd.sh start"
}

# The image executor's one-line error in an Nx log: the last line the task printed.
executor_error() {
  before_nx_summary "$1" | grep -av '^\s*$' | tail -n 1 | sed -e 's/^[[:space:]]*//' | cut -c 1-400
}

# nx_image PROJECT: the `image` target through Nx, without its task dependencies (the app's
# build ran already; the cluster is not used with target docker). Output in a log.
nx_image() {
  local project=$1 log="$IMAGES_LOG_DIR/nx-image-$1.log"
  if ! npx nx run "$project:image" --exclude-task-dependencies --output-style=static >"$log" 2>&1; then
    fail "nx run $project:image failed: $(executor_error "$log") (full output: ${log})"
  fi
}

# record_field APP FIELD: a field of dist/images/<app>.json, written by the image executor.
record_field() {
  node -e 'const r = require(process.argv[1]); process.stdout.write(String(r[process.argv[2]]))' \
    "$PWD/dist/images/$1.json" "$2"
}

figure() {
  echo "$1=$2" >>"$IMAGES_LOG_DIR/figures.env"
}
