#!/usr/bin/env bash
# Node 22 lane (issue 14): the images run Node 22 and some packages we ship declare node >= 22, so
# the README's test command runs again under Node 22 (the `node` package from the npm registry,
# pinned below) on the same node_modules, with the Nx cache skipped so every lint and test runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false
NODE22_VERSION=22.23.3

fail() {
  echo "node22 lane FAILED: $*" >&2
  exit 1
}

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund "node@$NODE22_VERSION" ||
  fail "npm install node@$NODE22_VERSION (is the npm registry reachable?)"
node22_bin="$prefix/node_modules/.bin"
[ "$("$node22_bin/node" --version)" = "v$NODE22_VERSION" ] ||
  fail "$node22_bin/node is not Node $NODE22_VERSION: $("$node22_bin/node" --version 2>&1)"
export PATH="$node22_bin:$PATH"
[ "$(node --version)" = "v$NODE22_VERSION" ] || fail "node on PATH is $(node --version), not v$NODE22_VERSION"
[ "$(npm exec --offline -- node --version)" = "v$NODE22_VERSION" ] ||
  fail "npm scripts would not run under Node $NODE22_VERSION"
echo "70-node22: npm test under $(node --version)"
npm test -- --skip-nx-cache || fail "npm test under Node $NODE22_VERSION (see the failing task above)"
