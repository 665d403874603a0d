import { stringify } from 'yaml';
import { run } from '../process';
import { servedKind } from './served-apis';
import { placeholderSecrets } from './placeholders';
import { formatFinding, type ManifestObject } from './types';

export interface DryRunTarget {
  kubectl: string;
  /** Kube context; default the kubeconfig's current one. */
  context?: string;
  /** Namespace the namespaced objects go to; they are skipped when it does not exist yet. */
  namespace: string;
}

export type DryRunResult =
  | { ran: true; applied: number; skipped: number; output: string; note?: string }
  | { ran: false; note: string };

/**
 * `kubectl apply --dry-run=server --validate=strict` when a cluster answers: the API server's own
 * admission and validation, nothing persisted. With no cluster it returns a one-line note instead.
 * Secrets holding placeholders are refused before anything is sent.
 */
export async function serverDryRun(
  manifests: readonly ManifestObject[],
  target: DryRunTarget,
): Promise<DryRunResult> {
  const ctx = target.context ? ['--context', target.context] : [];
  const probe = await run(
    target.kubectl,
    [...ctx, 'get', '--raw', '/readyz', '--request-timeout=5s'],
    {
      reject: false,
    },
  );
  if (probe.exitCode !== 0) {
    const why = (probe.stderr || probe.stdout).split('\n')[0].trim();
    return { ran: false, note: `server dry run skipped: no cluster answered (${why})` };
  }
  const placeholders = placeholderSecrets(manifests);
  if (placeholders.length > 0) {
    throw new Error(
      `Refusing to apply placeholder secrets:\n${placeholders.map((f) => `  ${formatFinding(f)}`).join('\n')}`,
    );
  }
  const namespace = await run(
    target.kubectl,
    [...ctx, 'get', 'namespace', target.namespace, '-o', 'name', '--request-timeout=5s'],
    { reject: false },
  );
  const namespaceExists = namespace.exitCode === 0;
  const selected = manifests.filter(({ object }) => {
    const served = servedKind(String(object['apiVersion']), String(object['kind']));
    return namespaceExists || !served?.namespaced;
  });
  const input = selected.map(({ object }) => stringify(object)).join('---\n');
  const { stdout } = await run(
    target.kubectl,
    [...ctx, 'apply', '--dry-run=server', '--validate=strict', '-f', '-'],
    { input, hint: 'The API server rejected the manifests above.' },
  );
  const skipped = manifests.length - selected.length;
  return {
    ran: true,
    applied: selected.length,
    skipped,
    output: stdout,
    note:
      skipped > 0
        ? `namespace ${target.namespace} does not exist on the cluster: ${skipped} namespaced object(s) not sent`
        : undefined,
  };
}
