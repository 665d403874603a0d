#!/usr/bin/env bash
# Deployment graph lane (issue 6): the whole `nx run-many -t deploy` graph runs through the real Nx
# in a throwaway git copy of the workspace, with fake docker/minikube/kubectl/helm/kind on PATH:
# the task graph of ARCHITECTURE.md, the parallel addons, a rerun that is all cache hits and
# skips, and a change in apps/frontend that affects only frontend and chart and deploys only the
# new frontend tag. It builds the apps for real (minutes), so it is a lane, not part of npm test.
# Each Nx run's output is kept in dist/deploy-graph-e2e/; a failure shows the last one.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false

fail() {
  echo "graph lane FAILED: $*" >&2
  exit 1
}

[ "$(npx pakaura help | grep -c '^  [a-z]')" -ge 8 ] || fail "npx pakaura help does not list the commands"
bash scripts/ai-deploy.sh help >/dev/null || fail "bash scripts/ai-deploy.sh help"

if ! npx nx run deploy-graph-e2e:e2e --output-style=static; then
  last=$(ls -t dist/deploy-graph-e2e/*.log 2>/dev/null | head -n 1 || true)
  if [ -n "$last" ]; then
    echo "--- last Nx run ($last):" >&2
    tail -n 40 "$last" >&2
  fi
  fail "deploy-graph-e2e:e2e (see dist/deploy-graph-e2e/*.log)"
fi
