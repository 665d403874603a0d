import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assembleStandalone } from '@/scripts/assemble-standalone.mjs';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function write(file: string, text = 'x') {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A workspace laid out as `next build` leaves it for an app in apps/web. */
function fakeBuild() {
  root = mkdtempSync(path.join(tmpdir(), 'assemble-'));
  const appDir = path.join(root, 'apps/web');
  const standalone = path.join(appDir, '.next/standalone');
  write(path.join(standalone, 'apps/web/server.js'), 'server');
  write(path.join(standalone, 'node_modules/next/package.json'));
  write(path.join(standalone, 'node_modules/sharp/package.json'));
  write(path.join(standalone, 'node_modules/sharp-extra/package.json'));
  write(path.join(standalone, 'node_modules/@img/sharp-libvips-linux-x64/lib/libvips.so'));
  write(path.join(appDir, '.next/static/chunks/main.js'), 'chunk');
  write(path.join(appDir, 'public/robots.txt'), 'robots');
  return { appDir, workspaceRoot: root, outDir: path.join(root, 'dist/apps/web') };
}

describe('assembleStandalone', () => {
  it('puts the static chunks and public files beside the standalone server', () => {
    const options = fakeBuild();

    const server = assembleStandalone(options);

    expect(server).toBe(path.join(options.outDir, 'apps/web/server.js'));
    expect(readFileSync(server, 'utf8')).toBe('server');
    const appOut = path.join(options.outDir, 'apps/web');
    expect(readFileSync(path.join(appOut, '.next/static/chunks/main.js'), 'utf8')).toBe('chunk');
    expect(readFileSync(path.join(appOut, 'public/robots.txt'), 'utf8')).toBe('robots');
    expect(existsSync(path.join(options.outDir, 'node_modules/next/package.json'))).toBe(true);
  });

  it('leaves out sharp and libvips, which the disabled image optimizer would load', () => {
    const options = fakeBuild();

    assembleStandalone(options);

    expect(existsSync(path.join(options.outDir, 'node_modules/sharp'))).toBe(false);
    expect(existsSync(path.join(options.outDir, 'node_modules/@img'))).toBe(false);
    expect(existsSync(path.join(options.outDir, 'node_modules/sharp-extra'))).toBe(true);
  });

  it('replaces an older assembly instead of mixing with it', () => {
    const options = fakeBuild();
    write(path.join(options.outDir, 'apps/web/.next/static/chunks/stale.js'));

    assembleStandalone(options);

    expect(existsSync(path.join(options.outDir, 'apps/web/.next/static/chunks/stale.js'))).toBe(
      false,
    );
  });

  it('says to build first when there is no standalone output', () => {
    const options = fakeBuild();
    rmSync(path.join(options.appDir, '.next'), { recursive: true });

    expect(() => assembleStandalone(options)).toThrow(
      'apps/web/.next/standalone/apps/web/server.js is missing; build first: npx nx run frontend:build',
    );
  });
});
