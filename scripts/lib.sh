# shellcheck shell=bash
# Helpers of the scripts in this folder (sourced), which wrap the pakaura CLI for the task list.

# ensure_node_modules NAME: on a fresh clone, installs the workspace's dependencies first (the CLI
# runs from them), saying so; stops with the reason when Node.js, npm or the install fails.
ensure_node_modules() {
  local name=$1
  command -v node >/dev/null 2>&1 ||
    { echo "$name: node is missing: install Node.js 20.19 or newer (https://nodejs.org/)" >&2; exit 1; }
  [ -d node_modules ] && return 0
  command -v npm >/dev/null 2>&1 ||
    { echo "$name: node_modules is missing and so is npm: install Node.js 20.19 or newer, which brings npm" >&2; exit 1; }
  echo "$name: node_modules is missing: running npm ci first (once, a few minutes)" >&2
  if ! npm ci --no-audit --no-fund >&2; then
    echo "$name: npm ci failed (its error is above); fix it, run npm ci, then run this again" >&2
    exit 1
  fi
}
