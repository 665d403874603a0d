import type { CliContext, ParsedOptions } from '../command';
import { openApp } from '@pakaura/deploy-verify/reach';
import { UsageError } from '../command';
import { connect } from '../kube-options';

/** What `pakaura open` does; loaded on first use so `pakaura help` stays light. */
export async function runOpen(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
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
}

function port(options: ParsedOptions, key: string, min: number): number | undefined {
  const value = options[key];
  if (typeof value !== 'string') return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < min || number > 65535)
    throw new UsageError(`--${key} must be a port number from ${min} to 65535 (got "${value}").`);
  return number;
}
