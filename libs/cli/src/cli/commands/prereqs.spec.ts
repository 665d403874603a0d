import { afterEach, describe, expect, it } from 'vitest';
import { testContext } from '../../../test/cli/test-context';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { main } from '../main';

describe('pakaura prereqs', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  afterEach(() => {
    restore();
    sandbox.dispose();
  });

  it('prints the table and exits 0 when every tool is fine', async () => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
    const context = testContext({ env: {} });
    expect(await main(['prereqs'], context)).toBe(0);
    expect(context.lines[0]).toMatch(/^TOOL\s+REQUIRED\s+FOUND\s+STATUS$/);
    expect(context.lines.at(-1)).toBe('All 4 prerequisites are met.');
  });

  it('checks kind instead of minikube for the kind provider, and exits 1 naming what is missing', async () => {
    sandbox = createFakeSandbox({
      tools: ['docker', 'minikube', 'kubectl', 'helm'],
      inheritPath: false,
    });
    restore = sandbox.apply();
    const context = testContext({ env: {} });
    expect(await main(['prereqs', '--provider', 'kind'], context)).toBe(1);
    expect(context.lines.join('\n')).toContain('-> Install kind (https://kind.sigs.k8s.io/');
    expect(context.errors).toEqual([
      '1 of 4 prerequisites are not met: kind (not found on PATH). Install or upgrade them as the table says, then rerun: nx run local-cluster:prereqs',
    ]);
  });
});
