import { openApp, OPEN_APP_COMMAND } from '../../reach';
import { UsageError, type Command, type ParsedOptions } from '../command';
import { connect, KUBE_OPTIONS } from '../kube-options';

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
  async run(options, _positionals, context) {
    const connection = await connect(options, context, 'open');
    const app = await openApp({
      ...connection,
      localPort: port(options, 'port', 0),
      ingressPort: port(options, 'ingress-port', 1),
      portForward: options['port-forward'] === true,
    });
    context.out(`Pakaura is at ${app.url}`);
    context.out(`  via ${app.how}.`);
    app.notes.forEach((note) => context.out(`  ${note}`));
    if (options['browser']) {
      if (context.interactive) await context.browse(app.url);
      else context.out('Not opening a browser: no terminal to open it from.');
    }
    if (app.via === 'ingress') return 0;
    context.out('The port-forward stays open until you press Ctrl-C.');
    await new Promise<void>((resolve) => {
      if (context.signal.aborted) resolve();
      else context.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await app.close();
    return 0;
  },
};

function port(options: ParsedOptions, key: string, min: number): number | undefined {
  const value = options[key];
  if (typeof value !== 'string') return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > 65535)
    throw new UsageError(`--${key} must be a port number from ${min} to 65535 (got "${value}").`);
  return number;
}
