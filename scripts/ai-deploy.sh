#!/usr/bin/env bash
# Seed T043: the deployment script. A thin wrapper around the pakaura CLI
# (libs/cli/src/cli): setup, build, deploy, status, health, logs, verify, destroy, help.
# On a fresh clone it runs `npm ci` first.
#   bash scripts/ai-deploy.sh help
#   bash scripts/ai-deploy.sh destroy --yes     # the release, its namespace and images
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_node_modules ai-deploy
exec node libs/cli/bin/pakaura.cjs "${@:-help}"
