# Helpers for .ci/run and its lanes: timed steps with a one-line cause on failure.
CI_STEP_LOG_DIR=${CI_STEP_LOG_DIR:-$(mktemp -d)}
CI_TIMINGS=()

# step NAME CMD...: runs CMD, streams its output, and on failure prints the step's name and the
# last lines of its output again so the cause is never cut off by a wall of logs.
step() {
  local name=$1
  shift
  local log="$CI_STEP_LOG_DIR/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
  local start=$SECONDS
  echo "::: ${name}"
  set +e
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  local took=$((SECONDS - start))
  CI_TIMINGS+=("$(printf '%5ss  %s' "$took" "$name")")
  if [ "$status" -ne 0 ]; then
    echo
    echo "--- last lines of '${name}':"
    tail -n 25 "$log"
    echo
    echo "CI FAILED at '${name}' (exit ${status}, after ${took}s)"
    exit "$status"
  fi
  echo "::: ${name}: ok (${took}s)"
}

summary() {
  echo
  echo "CI passed. Step timings:"
  printf '%s\n' "${CI_TIMINGS[@]}"
}
