import { stringify } from 'yaml';
import { run } from '@pakaura/deploy-kube/process';
import { placeholderSecrets } from './placeholders';
import { servedKind } from './served-apis';
import { formatFinding, isRecord, objectRef, type ManifestObject } from './types';

export interface DryRunTarget {
  kubectl: string;
  /** Kube context; default the kubeconfig's current one. */
  context?: string;
  /** Namespace the namespaced objects go to; they are skipped when it does not exist yet. */
  namespace: string;
  /**
   * Leave out objects a Helm release already manages: raw manifests must not be judged as an
   * update of the chart's live objects (a StatefulSet's volume templates cannot change).
   */
  skipHelmManaged?: boolean;
}

export type DryRunResult =
  { ran: true; applied: number; output: string; notes: string[] } | { ran: false; note: string };

/** Kinds whose live objects cannot be updated in place: Helm replaces them (new name, hook). */
const REPLACED_NOT_UPDATED = new Set(['Job', 'Pod']);

/**
 * `kubectl apply --dry-run=server --validate=strict` when a cluster answers: the API server's own
 * admission and validation, nothing persisted. With no cluster it returns a one-line note instead.
 * Secrets holding placeholders are refused before anything is sent. Objects that cannot be judged
 * fairly are left out, each group with a note: namespaced objects while the namespace does not
 * exist, live Jobs and Pods (immutable), and with `skipHelmManaged` live objects a Helm release owns.
 */
export async function serverDryRun(
  manifests: readonly ManifestObject[],
  target: DryRunTarget,
): Promise<DryRunResult> {
  const kubectl = (args: string[], input?: string) =>
    run(target.kubectl, [...(target.context ? ['--context', target.context] : []), ...args], {
      reject: false,
      input,
    });
  const probe = await kubectl(['get', '--raw', '/readyz', '--request-timeout=5s']);
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

  const notes: string[] = [];
  const namespace = await kubectl([
    'get',
    'namespace',
    target.namespace,
    '-o',
    'name',
    '--request-timeout=5s',
  ]);
  let selected = manifests;
  if (namespace.exitCode !== 0) {
    selected = manifests.filter(
      ({ object }) => !servedKind(String(object['apiVersion']), String(object['kind']))?.namespaced,
    );
    note(
      notes,
      manifests.length - selected.length,
      `namespace ${target.namespace} does not exist on the cluster`,
    );
  }
  const live = await liveObjects(kubectl, selected);
  const before = selected.length;
  selected = selected.filter(
    (m) => !(live.has(objectRef(m)) && REPLACED_NOT_UPDATED.has(String(m.object['kind']))),
  );
  note(
    notes,
    before - selected.length,
    'exist already and cannot be updated (Jobs and Pods are replaced, not patched)',
  );
  if (target.skipHelmManaged) {
    const count = selected.length;
    selected = selected.filter((m) => live.get(objectRef(m)) !== 'Helm');
    note(
      notes,
      count - selected.length,
      'belong to a Helm release and are not judged as an update of it',
    );
  }
  if (selected.length === 0) return { ran: true, applied: 0, output: '', notes };

  const input = selected.map(({ object }) => stringify(object)).join('---\n');
  const applied = await run(
    target.kubectl,
    [
      ...(target.context ? ['--context', target.context] : []),
      'apply',
      '--dry-run=server',
      '--validate=strict',
      '-f',
      '-',
    ],
    { input, hint: 'The API server rejected the manifests above.' },
  );
  return { ran: true, applied: selected.length, output: applied.stdout, notes };
}

function note(notes: string[], count: number, why: string): void {
  if (count > 0) notes.push(`${count} object(s) not sent: ${why}`);
}

/** `Kind/name` of every object that exists on the cluster, with its managed-by label. */
async function liveObjects(
  kubectl: (
    args: string[],
    input?: string,
  ) => Promise<{ exitCode: number; stdout: string; stderr: string }>,
  manifests: readonly ManifestObject[],
): Promise<Map<string, string | undefined>> {
  const live = new Map<string, string | undefined>();
  if (manifests.length === 0) return live;
  const input = manifests.map(({ object }) => stringify(object)).join('---\n');
  const result = await kubectl(
    ['get', '-f', '-', '--ignore-not-found', '-o', 'json', '--request-timeout=10s'],
    input,
  );
  if (result.exitCode !== 0)
    throw new Error(`kubectl get failed: ${result.stderr.trim().split('\n')[0]}`);
  if (!result.stdout.trim()) return live;
  const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  const items = Array.isArray(parsed['items']) ? parsed['items'] : [parsed];
  for (const item of items.filter(isRecord)) {
    const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
    const labels = isRecord(metadata['labels']) ? metadata['labels'] : {};
    live.set(
      objectRef({ source: '', index: 0, object: item }),
      labels['app.kubernetes.io/managed-by'] as string | undefined,
    );
  }
  return live;
}
