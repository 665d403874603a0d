#!/usr/bin/env bash
# Seed T001: checks docker >= 24, minikube >= 1.32, kubectl >= 1.29, helm >= 3.14 and says how to
# install what is missing. A thin wrapper around `pakaura prereqs` (add --provider kind for kind).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  echo "check-prerequisites: node_modules is missing. Run: npm ci" >&2
  exit 1
fi
exec node libs/deploy-tools/bin/pakaura.mjs prereqs "$@"
