import { COMPONENTS } from '@pakaura/contract/k8s';
import { type Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

export const logs: Command = {
  name: 'logs',
  summary: 'Stream the logs of a component (api, frontend, postgresql) or of all',
  usage: `pakaura logs [${COMPONENTS.join('|')}] [--tail <n>] [--no-follow]`,
  description:
    "Streams the logs of every pod of the component (all components when none is named), each line prefixed with its pod, until Ctrl-C. --no-follow prints the last lines and exits. The values of the release's Secret and the passwords in URLs are masked.",
  positionals: { name: 'component', description: `One of ${COMPONENTS.join(', ')}; default all.` },
  options: {
    ...KUBE_OPTIONS,
    tail: {
      type: 'string',
      valueName: 'n',
      description: 'Lines of history per container (default 20).',
    },
    'no-follow': {
      type: 'boolean',
      description: 'Print the last lines and exit instead of streaming.',
    },
  },
  async run(options, positionals, context) {
    const { runLogs } = await import('./logs.action');
    return runLogs(options, positionals, context);
  },
};
