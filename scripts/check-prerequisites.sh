#!/usr/bin/env bash
# Seed T001: checks docker >= 24, minikube >= 1.32, kubectl >= 1.29, helm >= 3.14 and says how to
# install what is missing. A thin wrapper around `pakaura prereqs` (add --provider kind for kind).
# On a fresh clone it runs `npm ci` first.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_node_modules check-prerequisites
exec node libs/cli/bin/pakaura.cjs prereqs "$@"
