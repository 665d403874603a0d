import { parseManifests } from '@pakaura/deploy-validate';
import { describe, expect, it } from 'vitest';
import { describeRender } from './describe-render';

describe('describeRender', () => {
  it('counts the objects, their kinds and the lines of a render', () => {
    const yaml = 'kind: Service\n---\nkind: Service\n---\nkind: ConfigMap\n';
    const render = {
      variant: { name: 'defaults', description: 'no values', values: {} },
      yaml,
      ...parseManifests(yaml, 'chart', 'defaults'),
    };
    expect(describeRender(render)).toBe('defaults: 3 objects (2 kinds), 6 lines — no values');
  });
});
