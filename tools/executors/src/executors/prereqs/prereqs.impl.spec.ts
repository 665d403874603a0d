import { logger } from '@nx/devkit';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import prereqsExecutor from './prereqs.impl';

describe('prereqs executor', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  const info = vi.spyOn(logger, 'info').mockImplementation(() => undefined);
  const error = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  /** The table as printed, without the colours a terminal (or FORCE_COLOR) turns on. */
  const table = () => stripVTControlCharacters(String(info.mock.calls[0][0]));
  beforeEach(() => {
    info.mockClear();
    error.mockClear();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });

  it('succeeds and prints the table when every tool is there', async () => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
    expect(await prereqsExecutor({})).toEqual({ success: true });
    expect(table()).toContain('minikube  >= 1.32   v1.34.0  ok');
    expect(info).toHaveBeenLastCalledWith('All 4 prerequisites are met.');
  });

  it('fails with one line naming the missing tool, after the table says how to install it', async () => {
    sandbox = createFakeSandbox({ tools: ['docker', 'kubectl', 'helm'], inheritPath: false });
    restore = sandbox.apply();
    expect(await prereqsExecutor({})).toEqual({ success: false });
    expect(table()).toContain(
      '-> Install minikube 1.32+ (https://minikube.sigs.k8s.io/docs/start/).',
    );
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/^1 of 4 prerequisites are not met: minikube/);
  });
});
