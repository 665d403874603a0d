import type { CliContext } from './command';

/**
 * Runs the workspace's own Nx (never a global one) in the workspace root, its output streamed,
 * and returns its exit code: the graph's targets do the work, the CLI only chooses them.
 */
export async function runNx(
  args: readonly string[],
  context: Pick<CliContext, 'workspaceRoot' | 'env' | 'out' | 'signal'>,
): Promise<number> {
  const { nxBin, run } = await import('@pakaura/deploy-kube/process');
  const nx = nxBin(context.workspaceRoot);
  context.out(`> nx ${args.join(' ')}`);
  const result = await run(process.execPath, [nx, ...args], {
    cwd: context.workspaceRoot,
    env: { NX_DAEMON: context.env['NX_DAEMON'] ?? 'false' },
    stdio: 'inherit',
    reject: false,
    signal: context.signal,
  });
  return result.exitCode;
}

/** `--configuration=<name>` when one was given, so the environment choice reaches every target. */
export function configurationArgs(configuration: string | boolean | undefined): string[] {
  return typeof configuration === 'string' && configuration
    ? [`--configuration=${configuration}`]
    : [];
}
