import { NAMESPACE, RELEASE_NAME } from '@pakaura/contract';
import type { CommandOption, ParsedOptions } from './command';

/** The options of every command that talks to the cluster. */
export const KUBE_OPTIONS: Record<string, CommandOption> = {
  context: {
    type: 'string',
    valueName: 'name',
    description:
      'Kube context (default: the current one). Deploy and destroy accept a context that is not a local cluster only when named here.',
  },
  kubeconfig: {
    type: 'string',
    valueName: 'file',
    description: 'Kubeconfig file (default: $KUBECONFIG or ~/.kube/config).',
  },
  namespace: {
    type: 'string',
    short: 'n',
    valueName: 'name',
    description: `Namespace of the release (default: ${NAMESPACE}).`,
  },
  release: {
    type: 'string',
    valueName: 'name',
    description: `Helm release (default: ${RELEASE_NAME}).`,
  },
};

export interface KubeSelection {
  context?: string;
  kubeconfig?: string;
  namespace: string;
  release: string;
}

export function kubeSelection(options: ParsedOptions): KubeSelection {
  const text = (key: string) =>
    typeof options[key] === 'string' ? (options[key] as string) : undefined;
  return {
    context: text('context'),
    kubeconfig: text('kubeconfig'),
    namespace: text('namespace') ?? NAMESPACE,
    release: text('release') ?? RELEASE_NAME,
  };
}
