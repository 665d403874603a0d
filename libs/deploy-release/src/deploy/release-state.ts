import { run } from '@pakaura/deploy-kube/process';

/** What `helm status -o json` says about the deployed release. */
export interface ReleaseState {
  revision: number;
  /** deployed, failed, pending-upgrade, superseded... */
  status: string;
  description: string;
  /** When this revision was deployed (or started to be, for a pending one). */
  lastDeployed?: Date;
  /** The values the release was given (not the chart's defaults). */
  values: Record<string, unknown>;
  /** The rendered manifest of this revision, as helm applied it (hooks excluded). */
  manifest: string;
}

/** The states a killed helm leaves behind; helm refuses to upgrade over them. */
export const PENDING_STATES = ['pending-install', 'pending-upgrade', 'pending-rollback'] as const;

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
  // Helm 3.17 cmd/helm/status.go and Helm 4.1 pkg/cmd/status.go print the release (chart
  // stripped) as JSON: version, info.{status,description,last_deployed}, config, manifest.
  const parsed = JSON.parse(result.stdout) as {
    version: number;
    info?: { status?: string; description?: string; last_deployed?: string };
    config?: Record<string, unknown>;
    manifest?: string;
  };
  return {
    revision: parsed.version,
    status: parsed.info?.status ?? 'unknown',
    description: parsed.info?.description ?? '',
    lastDeployed: parsed.info?.last_deployed ? new Date(parsed.info.last_deployed) : undefined,
    values: parsed.config ?? {},
    manifest: parsed.manifest ?? '',
  };
}

/** One row of `helm history -o json` (Helm 3.17 cmd/helm/history.go, Helm 4.1 pkg/cmd/history.go). */
export interface ReleaseRevision {
  revision: number;
  status: string;
  description: string;
}

/** The release's revisions, oldest first. */
export async function readReleaseHistory(ref: ReleaseRef): Promise<ReleaseRevision[]> {
  const { stdout } = await run(ref.helm, [
    'history',
    ref.release,
    ...helmTargetArgs(ref),
    '--output',
    'json',
  ]);
  return (JSON.parse(stdout) as ReleaseRevision[]).map((r) => ({
    revision: r.revision,
    status: r.status,
    description: r.description,
  }));
}

/** `helm version` → 3 or 4: Helm 4 renamed --atomic to --rollback-on-failure. */
export async function helmMajor(helm: string): Promise<number> {
  const { stdout } = await run(helm, ['version', '--template', '{{.Version}}']);
  const major = /v?(\d+)\./.exec(stdout)?.[1];
  if (!major) throw new Error(`Cannot read helm's version from "${stdout.trim()}".`);
  return Number(major);
}
