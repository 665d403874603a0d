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
  const files = target.kubeconfig
    ? [target.kubeconfig]
    : (env['KUBECONFIG'] ?? '').split(delimiter).filter(Boolean);
  const candidates = files.length > 0 ? files : [join(homedir(), '.kube', 'config')];
  const contexts = new Set<string>();
  let current = '';
  for (const file of candidates) {
    if (!existsSync(file)) {
      if (target.kubeconfig) throw new Error(`Cannot read the kubeconfig ${file}.`);
      continue;
    }
    let config: { contexts?: { name?: string }[]; 'current-context'?: string } | null;
    try {
      config = parse(readFileSync(file, 'utf8')) as typeof config;
    } catch (error) {
      throw new Error(`Cannot read the kubeconfig ${file}.`, { cause: error });
    }
    for (const context of config?.contexts ?? []) if (context.name) contexts.add(context.name);
    current ||= config?.['current-context'] ?? '';
  }
  const known = [...contexts];
  if (target.context) {
    if (!contexts.has(target.context)) {
      throw new Error(
        `Kube context "${target.context}" is not in the kubeconfig (known: ${known.join(', ') || 'none'}).`,
      );
    }
    return target.context;
  }
  if (!current || known.length === 0) {
    throw new Error(
      'No kube context is configured. Start a cluster first: nx run local-cluster:cluster',
    );
  }
  return current;
}
