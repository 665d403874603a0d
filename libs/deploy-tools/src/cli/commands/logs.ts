import { COMPONENT_LABEL, COMPONENTS, K8S_NAMES } from '@pakaura/contract';
import { maskCredentials } from '../../deploy';
import { followLogs, lastLogLines, listPods, readSecretValues } from '../../kube';
import { redact } from '../../process';
import { UsageError, type Command } from '../command';
import { connect, KUBE_OPTIONS } from '../kube-options';
import { paint } from '../output';

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
    const [component, ...extra] = positionals;
    if (extra.length > 0)
      throw new UsageError(`logs takes one component, got: ${positionals.join(' ')}`);
    if (component && !(COMPONENTS as readonly string[]).includes(component)) {
      throw new UsageError(
        `Unknown component "${component}": use one of ${COMPONENTS.join(', ')}.`,
      );
    }
    const tail = Number(options['tail'] ?? 20);
    if (!Number.isInteger(tail) || tail < 0)
      throw new UsageError(`--tail must be a whole number (got "${options['tail']}").`);
    const selection = await connect(options, context, 'logs');
    const { kc } = selection;
    const selector = component
      ? `${COMPONENT_LABEL}=${component}`
      : `${COMPONENT_LABEL} in (${COMPONENTS.join(',')})`;
    const pods = await listPods(kc, selection.namespace, selector);
    if (pods.length === 0) {
      context.err(
        `No ${component ?? 'Pakaura'} pods in namespace ${selection.namespace}: pakaura status`,
      );
      return 1;
    }
    const secrets = Object.values(
      await readSecretValues(kc, selection.namespace, K8S_NAMES.secret).catch(() => ({})),
    );
    const c = paint(context.color);
    const colors = [c.cyan, c.magenta, c.yellow, c.green, c.blue];
    const streams = pods.flatMap((pod) =>
      (pod.spec?.containers ?? []).map((container) => ({
        pod: pod.metadata?.name ?? '',
        container: container.name,
        multi: (pod.spec?.containers.length ?? 1) > 1,
      })),
    );
    await Promise.all(
      streams.map(async (stream, i) => {
        const prefix = colors[i % colors.length](
          `[${stream.pod}${stream.multi ? `/${stream.container}` : ''}]`,
        );
        const print = (line: string) =>
          context.out(`${prefix} ${maskCredentials(redact(line, secrets))}`);
        if (options['no-follow']) {
          (await lastLogLines(kc, selection.namespace, stream.pod, stream.container, tail)).forEach(
            print,
          );
          return;
        }
        await followLogs(kc, {
          namespace: selection.namespace,
          pod: stream.pod,
          container: stream.container,
          tailLines: tail,
          signal: context.signal,
          onLine: print,
        });
      }),
    );
    return 0;
  },
};
