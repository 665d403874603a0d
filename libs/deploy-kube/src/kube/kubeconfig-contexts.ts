import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import type { KubeTarget } from './client';

/**
 * The kube context a command would use, read straight from the kubeconfig files with kubectl's
 * merge rules ($KUBECONFIG's files in order, the first current-context wins), without loading
 * @kubernetes/client-node: the deploy's "up to date" path needs only this name. Same errors as
 * loadKubeConfig for an unknown context or an empty configuration.
 */
export function selectedContext(
  target: KubeTarget = {},
  env: NodeJS.ProcessEnv = process.env,
): string {
  return readContexts(target, env).selected;
}

export interface ContextEntry {
  /** The name of the kubeconfig cluster entry the context points at. */
  cluster: string;
  /** That cluster entry's server URL ('' when it has none). */
  server: string;
}

/**
 * The cluster entry and server of the context a command would use, read as kubectl merges the
 * files: for each name, the first file that defines it wins.
 */
export function contextEntry(
  target: KubeTarget = {},
  env: NodeJS.ProcessEnv = process.env,
): ContextEntry & { context: string } {
  const { selected, contexts, clusters } = readContexts(target, env);
  const cluster = contexts.get(selected) ?? '';
  return { context: selected, cluster, server: clusters.get(cluster) ?? '' };
}

/** The first kubeconfig file of the merge: the one minikube and kind write to and check. */
export function primaryKubeconfig(
  target: KubeTarget = {},
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (
    target.kubeconfig ??
    (env['KUBECONFIG'] ?? '').split(delimiter).find(Boolean) ??
    join(homedir(), '.kube', 'config')
  );
}

function readContexts(
  target: KubeTarget,
  env: NodeJS.ProcessEnv,
): { selected: string; contexts: Map<string, string>; clusters: Map<string, string> } {
  const files = target.kubeconfig
    ? [target.kubeconfig]
    : (env['KUBECONFIG'] ?? '').split(delimiter).filter(Boolean);
  const candidates = files.length > 0 ? files : [join(homedir(), '.kube', 'config')];
  const contexts = new Map<string, string>();
  const clusters = new Map<string, string>();
  let current = '';
  for (const file of candidates) {
    if (!existsSync(file)) {
      if (target.kubeconfig) throw new Error(`Cannot read the kubeconfig ${file}.`);
      continue;
    }
    let config: {
      contexts?: { name?: string; context?: { cluster?: string } }[];
      clusters?: { name?: string; cluster?: { server?: string } }[];
      'current-context'?: string;
    } | null;
    try {
      config = parse(readFileSync(file, 'utf8')) as typeof config;
    } catch (error) {
      throw new Error(`Cannot read the kubeconfig ${file}.`, { cause: error });
    }
    for (const context of config?.contexts ?? []) {
      if (context.name && !contexts.has(context.name))
        contexts.set(context.name, context.context?.cluster ?? '');
    }
    for (const cluster of config?.clusters ?? []) {
      if (cluster.name && !clusters.has(cluster.name))
        clusters.set(cluster.name, cluster.cluster?.server ?? '');
    }
    current ||= config?.['current-context'] ?? '';
  }
  const known = [...contexts.keys()];
  if (target.context) {
    if (!contexts.has(target.context)) {
      throw new Error(
        `Kube context "${target.context}" is not in the kubeconfig (known: ${known.join(', ') || 'none'}).`,
      );
    }
    return { selected: target.context, contexts, clusters };
  }
  if (!current || known.length === 0) {
    throw new Error(
      'No kube context is configured. Start a cluster first: nx run local-cluster:cluster',
    );
  }
  return { selected: current, contexts, clusters };
}
