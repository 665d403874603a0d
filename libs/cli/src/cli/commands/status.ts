import type { Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

export const status: Command = {
  name: 'status',
  summary: 'Show the release, pods, services and ingress',
  usage: 'pakaura status [--context <name>] [-n <namespace>]',
  description:
    'Prints the Helm release (status, revision, chart), every pod with readiness and restarts, the services and the ingress with its address. Exits 1 when the release is not deployed or a pod is not ready.',
  options: { ...KUBE_OPTIONS },
  async run(options, positionals, context) {
    const { runStatus } = await import('./status.action');
    return runStatus(options, positionals, context);
  },
};
