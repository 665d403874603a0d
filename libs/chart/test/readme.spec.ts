import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_DIR } from './chart';
import { regeneratedReadme, undocumented } from './readme';

const README = join(CHART_DIR, 'README.md');

describe('the chart documentation', () => {
  it('documents every value with an @param line, and no value that does not exist', () => {
    expect(undocumented(readFileSync(join(CHART_DIR, 'values.yaml'), 'utf8'))).toEqual({
      missing: [],
      stale: [],
    });
  });

  it('has README tables generated from values.yaml and the policy rules (PAKAURA_WRITE_README=1 rewrites them)', () => {
    const current = readFileSync(README, 'utf8');
    const fresh = regeneratedReadme(current);
    if (process.env['PAKAURA_WRITE_README'] === '1') writeFileSync(README, fresh);
    else expect(current).toBe(fresh);
  });
});
