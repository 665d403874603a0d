#!/usr/bin/env node
// The `pakaura` command (the root package.json's "bin"). It works right after `npm ci`, with no
// build step: the TypeScript CLI is bundled on first use with esbuild (workspace path aliases
// resolved, npm packages left to Node) into node_modules/.cache/pakaura/cli.cjs, and rebundled
// only when one of its source files changes.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cacheDir = join(root, 'node_modules', '.cache', 'pakaura');
const bundle = join(cacheDir, 'cli.cjs');
const manifest = join(cacheDir, 'cli.inputs.json');

if (!upToDate()) await rebundle();
const { main } = createRequire(import.meta.url)(bundle);
process.exitCode = await main(process.argv.slice(2));

/** True when the bundle exists and none of the files it was built from changed since. */
function upToDate() {
  if (!existsSync(bundle) || !existsSync(manifest)) return false;
  const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
  return Object.entries(inputs).every(([file, mtime]) => {
    try {
      return statSync(join(root, file)).mtimeMs === mtime;
    } catch {
      return false;
    }
  });
}

async function rebundle() {
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${bundle}.${process.pid}.partial`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['libs/deploy-tools/src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.base.json',
    outfile: partial,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), 'tsconfig.base.json'].map((file) => [
      relative(root, join(root, file)),
      statSync(join(root, file)).mtimeMs,
    ]),
  );
  renameSync(partial, bundle);
  writeFileSync(`${manifest}.${process.pid}.partial`, JSON.stringify(inputs));
  renameSync(`${manifest}.${process.pid}.partial`, manifest);
}
