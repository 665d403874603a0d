import type { Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

export const destroy: Command = {
  name: 'destroy',
  summary: 'Remove the release, its namespace, the images built, and with --cluster the cluster',
  usage: 'pakaura destroy [--yes] [--keep-data] [--cluster] [--context <name>]',
  description:
    'Seed T043 "cleanup everything", after saying exactly what it will delete and asking: uninstalls the Helm release, deletes its namespace (only when Pakaura owns it: the release is in it or it carries the chart\'s labels) with the PostgreSQL volume in it, removes the images `pakaura build` built (recorded in dist/images) from where it put them, and with --cluster deletes the local cluster (minikube delete / kind delete cluster). --keep-data keeps the namespace and the PostgreSQL volume. Without a terminal it needs --yes. The kube context goes through the same guard as deploy.',
  options: {
    ...KUBE_OPTIONS,
    yes: { type: 'boolean', short: 'y', description: 'Do not ask (for scripts).' },
    'keep-data': { type: 'boolean', description: 'Keep the namespace and the PostgreSQL volume.' },
    cluster: {
      type: 'boolean',
      description: 'Also delete the local cluster (minikube profile or kind cluster).',
    },
  },
  async run(options, positionals, context) {
    const { runDestroy } = await import('./destroy.action');
    return runDestroy(options, positionals, context);
  },
};
