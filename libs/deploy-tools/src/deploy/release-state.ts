import { run } from '../process';

/** What `helm status -o json` says about the deployed release. */
export interface ReleaseState {
  revision: number;
  /** deployed, failed, pending-upgrade, superseded... */
  status: string;
  description: string;
  /** The values the release was given (not the chart's defaults). */
  values: Record<string, unknown>;
}

export interface ReleaseRef {
  helm: string;
  release: string;
  namespace: string;
  context: string;
  kubeconfig?: string;
}

/** `--kube-context`/`--kubeconfig` so helm talks to exactly the context the guard approved. */
export function helmTargetArgs(
  ref: Pick<ReleaseRef, 'context' | 'kubeconfig' | 'namespace'>,
): string[] {
  return [
    '--namespace',
    ref.namespace,
    '--kube-context',
    ref.context,
    ...(ref.kubeconfig ? ['--kubeconfig', ref.kubeconfig] : []),
  ];
}

/** The release as helm reports it, or undefined when it is not installed. */
export async function readReleaseState(ref: ReleaseRef): Promise<ReleaseState | undefined> {
  const result = await run(
    ref.helm,
    ['status', ref.release, ...helmTargetArgs(ref), '--output', 'json'],
    {
      reject: false,
    },
  );
  if (result.exitCode !== 0) {
    const said = (result.stderr || result.stdout).trim();
    if (/release: not found/.test(said)) return undefined;
    throw new Error(
      `helm status ${ref.release} failed in kube context ${ref.context}: ${said.split('\n').at(-1)}\nIs the cluster running? Run: nx run local-cluster:cluster`,
    );
  }
  const parsed = JSON.parse(result.stdout) as {
    version: number;
    info?: { status?: string; description?: string };
    config?: Record<string, unknown>;
  };
  return {
    revision: parsed.version,
    status: parsed.info?.status ?? 'unknown',
    description: parsed.info?.description ?? '',
    values: parsed.config ?? {},
  };
}

/** `helm version` → 3 or 4: Helm 4 renamed --atomic to --rollback-on-failure. */
export async function helmMajor(helm: string): Promise<number> {
  const { stdout } = await run(helm, ['version', '--template', '{{.Version}}']);
  const major = /v?(\d+)\./.exec(stdout)?.[1];
  if (!major) throw new Error(`Cannot read helm's version from "${stdout.trim()}".`);
  return Number(major);
}
