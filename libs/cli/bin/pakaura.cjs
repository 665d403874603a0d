#!/usr/bin/env node
// The `pakaura` bin: runs the bundle `nx run cli:build` writes to ../dist (this package's
// `prepare` script builds it during `npm ci`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'pakaura.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('pakaura: the CLI is not built yet. Run: npx nx run cli:build\n');
  process.exit(1);
}
require(bundle);
