import { LOCAL_CONTEXT_PATTERNS } from '@pakaura/contract';
import type { KubeTarget } from './client';
import { selectedContext } from './kubeconfig-contexts';

/** `/^kind-/` → `kind-*`, `/^minikube$/` → `minikube`: the patterns as a person reads them. */
export const LOCAL_CONTEXTS_TEXT = LOCAL_CONTEXT_PATTERNS.map((pattern) => {
  const source = pattern.source.replace(/^\^/, '');
  return source.endsWith('$') ? source.slice(0, -1) : `${source}*`;
}).join(', ');

export function isLocalContext(name: string): boolean {
  return LOCAL_CONTEXT_PATTERNS.some((pattern) => pattern.test(name));
}

export interface GuardedContext {
  /** The context every later call must use (passed on explicitly, never re-read). */
  context: string;
  /** True when the person named it; a named context passes even when it is not local. */
  explicit: boolean;
}

/**
 * Decides which kube context a deploy or destroy may touch. The context named in the options
 * always passes (the person meant it); the kubeconfig's current context passes only when it is a
 * local cluster, so a forgotten `kubectl config use-context prod` cannot send a deploy there.
 */
export function guardContext(target: KubeTarget, action: 'deploy' | 'destroy'): GuardedContext {
  const context = selectedContext(target);
  if (target.context) return { context, explicit: true };
  if (isLocalContext(context)) return { context, explicit: false };
  throw new Error(
    `Refusing to ${action} ${action === 'deploy' ? 'to' : 'in'} kube context "${context}": it is not a local cluster (${LOCAL_CONTEXTS_TEXT}). If you mean it, name it: --context=${context}`,
  );
}
