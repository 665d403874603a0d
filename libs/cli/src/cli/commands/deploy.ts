import type { Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';
import { configurationArgs } from '../nx';

export const deploy: Command = {
  name: 'deploy',
  summary: 'Install or upgrade the Helm release with the images last built',
  usage: 'pakaura deploy [--context <name>] [--force]',
  description:
    'Runs only the deploy step (nx run-many -t deploy --exclude-task-dependencies): helm upgrade --install with the content tags of the images `pakaura build` recorded. Says "up to date" when nothing changed; stops at the first pod that cannot start and shows why.',
  options: {
    ...KUBE_OPTIONS,
    force: { type: 'boolean', description: 'Upgrade even when the release is up to date.' },
    configuration: {
      type: 'string',
      short: 'c',
      valueName: 'env',
      description: 'Environment configuration: minikube (default), kind, docker or registry.',
    },
  },
  run(options, _positionals, context) {
    const passed = ['context', 'kubeconfig', 'namespace', 'release']
      .filter((key) => typeof options[key] === 'string')
      .map((key) => `--${key}=${options[key]}`);
    return context.nx([
      'run-many',
      '-t',
      'deploy',
      '--exclude-task-dependencies',
      ...configurationArgs(options['configuration']),
      ...passed,
      ...(options['force'] ? ['--force'] : []),
    ]);
  },
};
