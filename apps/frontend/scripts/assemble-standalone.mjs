// Assembles the runnable production server from `next build`'s standalone output: the traced
// server and node_modules, plus the two folders Next leaves out on purpose (`.next/static` and
// `public`, meant for a CDN). The result runs with `node apps/frontend/server.js` from its root.
// sharp and its native libvips (about 20 MB, glibc-only) are dropped: Turbopack traces them for
// Next's image optimizer, which next.config turns off (`images.unoptimized`).
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const UNUSED = ['node_modules/sharp', 'node_modules/@img'];

/** Copies the standalone server of the app in `appDir` to `outDir`; returns server.js's path. */
export function assembleStandalone({ appDir, workspaceRoot, outDir }) {
  const appPath = path.relative(workspaceRoot, appDir);
  const standalone = path.join(appDir, '.next/standalone');
  const server = path.join(standalone, appPath, 'server.js');
  if (!existsSync(server)) {
    throw new Error(
      `${path.relative(workspaceRoot, server)} is missing; build first: npx nx run frontend:build`,
    );
  }
  const skipped = UNUSED.map((dir) => path.join(standalone, dir));
  rmSync(outDir, { recursive: true, force: true });
  cpSync(standalone, outDir, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !skipped.some((dir) => source === dir || source.startsWith(`${dir}/`)),
  });
  cpSync(path.join(appDir, '.next/static'), path.join(outDir, appPath, '.next/static'), {
    recursive: true,
  });
  if (existsSync(path.join(appDir, 'public'))) {
    cpSync(path.join(appDir, 'public'), path.join(outDir, appPath, 'public'), { recursive: true });
  }
  return path.join(outDir, appPath, 'server.js');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const appDir = path.resolve(import.meta.dirname, '..');
  const workspaceRoot = path.resolve(appDir, '../..');
  const outDir = path.resolve(workspaceRoot, process.argv[2] ?? 'dist/apps/frontend');
  try {
    const server = assembleStandalone({ appDir, workspaceRoot, outDir });
    console.log(`assemble-standalone: ${path.relative(workspaceRoot, server)} is ready`);
  } catch (error) {
    console.error(`assemble-standalone: ${error.message}`);
    process.exit(1);
  }
}
