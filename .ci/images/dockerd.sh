#!/usr/bin/env bash
# Starts or stops the Docker engine the image lane uses: Debian's docker.io dockerd, without a
# bridge or iptables rules (CI machines have neither), so containers use the host network only.
#   dockerd.sh start   starts dockerd unless an engine already answers; waits until it does
#   dockerd.sh stop    stops the dockerd this script started (and only that one)
set -euo pipefail
here=$(dirname "$0")
# shellcheck source=.ci/images/lib.sh
source "$here/lib.sh"
state_dir=${PAKAURA_DOCKERD_STATE:-${TMPDIR:-/tmp}/pakaura-dockerd}
pid_file=$state_dir/dockerd.pid
log_file=$state_dir/dockerd.log

start() {
  if engine_answers; then
    echo "Docker engine already running: $("$DOCKER" version --format '{{.Server.Version}}')"
    return
  fi
  command -v dockerd >/dev/null 2>&1 || fail "dockerd is missing: apt-get install -y docker.io"
  [ "$(id -u)" -eq 0 ] || fail "dockerd must start as root (run the lane as root, as CI does)"
  mkdir -p "$state_dir"
  setsid dockerd --bridge=none --iptables=false --ip-masq=false >"$log_file" 2>&1 </dev/null &
  echo $! >"$pid_file"
  for _ in $(seq 1 60); do
    engine_answers && break
    kill -0 "$(cat "$pid_file")" 2>/dev/null ||
      fail "dockerd exited at start: $(last_error_line "$log_file") (full output: ${log_file})"
    sleep 0.5
  done
  engine_answers || fail "dockerd did not answer within 30 s (full output: ${log_file})"
  echo "Docker engine $("$DOCKER" version --format '{{.Server.Version}}') started (pid $(cat "$pid_file"))"
}

stop() {
  [ -f "$pid_file" ] || return 0
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
  fi
  rm -f "$pid_file"
  echo "Docker engine stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) fail "usage: dockerd.sh start|stop" ;;
esac
