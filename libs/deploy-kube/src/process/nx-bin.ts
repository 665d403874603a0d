import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireHere = createRequire(__filename);

/** The workspace's own `nx` program (never a global one), as its package.json names it. */
export function nxBin(workspaceRoot: string): string {
  const manifest = requireHere.resolve('nx/package.json', { paths: [workspaceRoot] });
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { nx: string } };
  return join(dirname(manifest), bin.nx);
}
