'use strict';
/**
 * Entry of every executor of the compiled package node_modules/@pakaura/executors (see
 * build.cjs): hands Nx the bundled executor, after rebuilding the bundles when any file they
 * were built from changed, so an edited executor or deploy-tools module always runs as written.
 */
const { readFileSync, realpathSync } = require('node:fs');
const { join, resolve } = require('node:path');
// build.cjs loads only node: modules up front; esbuild is required by a rebuild alone.
const { buildCompiledExecutors, digestInputs, MANIFEST } = require('./build.cjs');

let checked = false;

/** The default export of `dist/<name>.cjs` in `packageDir`, rebuilt first if out of date. */
function loadExecutor(packageDir, name) {
  if (!checked) {
    ensureFresh(packageDir);
    checked = true;
  }
  const bundle = require(join(packageDir, 'dist', `${name}.cjs`));
  return bundle.default ?? bundle;
}

/** Rebuilds the package when its manifest is missing or a recorded input changed; says whether it did. */
function ensureFresh(packageDir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(packageDir, MANIFEST), 'utf8'));
  } catch {
    manifest = undefined;
  }
  const workspaceRoot = resolve(packageDir, manifest?.workspaceRoot ?? '../../..');
  // A node_modules shared through a symlink would hand this workspace another one's executors.
  const running = process.env.NX_WORKSPACE_ROOT;
  if (running && realpathSync(running) !== realpathSync(workspaceRoot)) {
    throw new Error(
      `${packageDir} holds the executors of the workspace ${workspaceRoot}, not of ${running} (node_modules shared through a symlink?): give this workspace its own node_modules, or delete that folder to run the executors from their sources.`,
    );
  }
  if (manifest && digestInputs(workspaceRoot, manifest.files) === manifest.digest) return false;
  buildCompiledExecutors({ workspaceRoot, packageDir });
  return true;
}

module.exports = { loadExecutor, ensureFresh };
