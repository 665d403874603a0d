import { describe, expect, it } from 'vitest';
import { expand } from './expand';

const vars: Record<string, string> = { HOST: 'db', PORT: '5432' };
const lookup = (name: string) => vars[name];

describe('expand', () => {
  it('replaces $(VAR) with a variable defined before it', () => {
    expect(expand('postgres://$(HOST):$(PORT)/app', lookup)).toBe('postgres://db:5432/app');
  });

  it('leaves a reference to an undefined variable as written', () => {
    expect(expand('$(MISSING)-x', lookup)).toBe('$(MISSING)-x');
  });

  it('reads $$ as a literal dollar, so $$(HOST) is not expanded', () => {
    expect(expand('cost $$5 and $$(HOST)', lookup)).toBe('cost $5 and $(HOST)');
  });

  it('keeps a lone $, a trailing $ and an unclosed $( as they are', () => {
    expect(expand('a $b $(HOST c$', lookup)).toBe('a $b $(HOST c$');
  });
});
