import type { CliContext, ParsedOptions } from '../command';
import { COMPONENT_LABEL, COMPONENTS, K8S_NAMES } from '@pakaura/contract';
import { followLogs, lastLogLines, listPods, readSecretValues } from '@pakaura/deploy-kube/kube';
import { maskCredentials, redact } from '@pakaura/deploy-kube/process';
import { UsageError } from '../command';
import { connect } from '../kube-options';
import { paint } from '../output';

/** What `pakaura logs` does; loaded on first use so `pakaura help` stays light. */
export async function runLogs(
  options: ParsedOptions,
  positionals: string[],
  context: CliContext,
): Promise<number> {
  const [component, ...extra] = positionals;
  if (extra.length > 0)
    throw new UsageError(`logs takes one component, got: ${positionals.join(' ')}`);
  if (component && !(COMPONENTS as readonly string[]).includes(component)) {
    throw new UsageError(`Unknown component "${component}": use one of ${COMPONENTS.join(', ')}.`);
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
}
