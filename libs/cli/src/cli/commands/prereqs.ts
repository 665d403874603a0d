import type { Command } from '../command';

export const prereqs: Command = {
  name: 'prereqs',
  summary: 'Check docker, minikube (or kind), kubectl and helm versions',
  usage: 'pakaura prereqs [--provider kind]',
  description:
    'Prints the table of seed T001: each tool with the version found, the version required and how to install or upgrade it; exits 1 when one is missing, too old, or (Docker) not running. The same check as nx run local-cluster:prereqs, without starting Nx.',
  options: {
    provider: {
      type: 'string',
      valueName: 'minikube|kind',
      description: 'The local cluster you use (default: minikube, or $PAKAURA_CLUSTER_PROVIDER).',
    },
  },
  async run(options, positionals, context) {
    const { runPrereqs } = await import('./prereqs.action');
    return runPrereqs(options, positionals, context);
  },
};
