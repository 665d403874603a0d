import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { testContext } from '../../../test/cli/test-context';

describe('setup, build and deploy run the Nx graph', () => {
  const nxArgs = async (argv: string[]) => {
    const context = testContext();
    expect(await main(argv, context)).toBe(0);
    return context.nxCalls;
  };

  it('setup runs every target up to deploy, or verify', async () => {
    expect(await nxArgs(['setup'])).toEqual([['run-many', '-t', 'deploy']]);
    expect(await nxArgs(['setup', '-c', 'kind', '--verify'])).toEqual([
      ['run-many', '-t', 'verify', '--configuration=kind'],
    ]);
  });

  it('build runs the image targets', async () => {
    expect(await nxArgs(['build', '--configuration', 'docker'])).toEqual([
      ['run-many', '-t', 'image', '--configuration=docker'],
    ]);
  });

  it('deploy runs only the deploy step, passing the kube options on', async () => {
    expect(await nxArgs(['deploy', '--context', 'prod-eu', '-n', 'demo', '--force'])).toEqual([
      [
        'run-many',
        '-t',
        'deploy',
        '--exclude-task-dependencies',
        '--context=prod-eu',
        '--namespace=demo',
        '--force',
      ],
    ]);
  });

  it("returns Nx's exit code", async () => {
    const context = testContext({ nx: async () => 1 });
    expect(await main(['setup'], context)).toBe(1);
    expect(context.lines).toEqual([]);
  });
});
