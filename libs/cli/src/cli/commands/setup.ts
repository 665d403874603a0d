import { OPEN_APP_HINT } from '@pakaura/deploy-kube/open-hint';
import type { Command } from '../command';
import { configurationArgs } from '../nx';

export const setup: Command = {
  name: 'setup',
  summary: 'Everything: prerequisites, cluster, addons, builds, images, chart lint, deploy',
  usage: 'pakaura setup [--configuration <env>]',
  description:
    'Runs the whole deployment graph (nx run-many -t deploy): checks the tools, starts the cluster, enables the ingress and metrics-server addons, builds the apps and their images, lints the chart and installs or upgrades the release. Steps already done are skipped, so a second run takes seconds.',
  options: {
    configuration: {
      type: 'string',
      short: 'c',
      valueName: 'env',
      description:
        'Environment configuration for every target: minikube (default), kind, docker or registry.',
    },
    verify: {
      type: 'boolean',
      description: 'Also prove the deployment afterwards (chart:verify).',
    },
  },
  async run(options, _positionals, context) {
    const target = options['verify'] ? 'verify' : 'deploy';
    const code = await context.nx([
      'run-many',
      '-t',
      target,
      ...configurationArgs(options['configuration']),
    ]);
    if (code === 0) {
      context.out('');
      context.out('Pakaura is deployed. Next: pakaura status, pakaura health.');
      context.out(OPEN_APP_HINT);
    }
    return code;
  },
};
