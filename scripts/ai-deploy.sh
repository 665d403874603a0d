#!/usr/bin/env bash
# Seed T043: the deployment script. A thin wrapper around the pakaura CLI
# (libs/deploy-tools/src/cli): setup, build, deploy, status, health, logs, destroy, help.
#   bash scripts/ai-deploy.sh help
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ]; then
  echo "ai-deploy: node_modules is missing. Run: npm ci" >&2
  exit 1
fi
exec node libs/deploy-tools/bin/pakaura.mjs "${@:-help}"
