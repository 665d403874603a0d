import { bundledBinary, resolveBinary, run } from '@pakaura/deploy-kube/process';

/** The helm to use and its version: the bundled one of `major`, else the user's, else bundled 3. */
export async function helmBinary(major?: 3 | 4): Promise<{ helm: string; version: string }> {
  const helm = major ? bundledBinary('helm', major) : resolveBinary('helm');
  const { stdout } = await run(helm, ['version', '--short'], {
    hint: 'Run: nx run local-cluster:prereqs to check the tools.',
  });
  return { helm, version: stdout.trim() };
}
