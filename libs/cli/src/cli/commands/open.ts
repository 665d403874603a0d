import { OPEN_APP_COMMAND } from '@pakaura/deploy-kube/open-hint';
import { type Command } from '../command';
import { KUBE_OPTIONS } from '../kube-options';

export const open: Command = {
  name: 'open',
  summary: 'Open the app: a URL that works here (the Ingress, or a port-forward kept open)',
  usage: `${OPEN_APP_COMMAND.replace(/^npx /, '')} [--browser] [--port <port>] [--port-forward] [--context <name>]`,
  description:
    "Finds the URL that opens Pakaura on this machine for the cluster you have, and proves it with a request before printing it. The Ingress when its controller answers here and its host name resolves there (kind: 127.0.0.1, through the kind config's port mapping; minikube on Linux: the node's address; minikube's docker driver on macOS and Windows: 127.0.0.1 while `minikube tunnel` runs); otherwise a port-forward on 127.0.0.1 to the frontend Service, which serves the whole app, kept open until Ctrl-C. It says why the Ingress was not used and how to make it usable. The kube context goes through the same guard as deploy.",
  options: {
    ...KUBE_OPTIONS,
    browser: {
      type: 'boolean',
      description: 'Also open the URL in your browser (only when run from a terminal).',
    },
    port: {
      type: 'string',
      valueName: 'port',
      description:
        "Local port of the port-forward (default: the Service's, 3000, else a free one; 0: any free one).",
    },
    'port-forward': {
      type: 'boolean',
      description: 'Use a port-forward even when the Ingress works.',
    },
    'ingress-port': {
      type: 'string',
      valueName: 'port',
      description: 'Port the ingress controller answers on (default: 80).',
    },
  },
  async run(options, positionals, context) {
    const { runOpen } = await import('./open.action');
    return runOpen(options, positionals, context);
  },
};
