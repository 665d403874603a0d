import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { UsageError, type CliContext, type Command, type ParsedOptions } from './command';
import { runNx } from './nx';
import { COMMANDS } from './registry';
import { findWorkspaceRoot } from './workspace-root';

/**
 * `pakaura <command> [options]`: finds the command in the registry, parses its options strictly
 * and runs it. Wrong usage exits 2 with one line and the help to read; a failure exits 1 with
 * its message.
 */
export async function main(
  argv: readonly string[],
  overrides: Partial<CliContext> = {},
): Promise<number> {
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort(new Error('interrupted'));
  process.once('SIGINT', onSigint);
  const context = buildContext(overrides, interrupt.signal);
  const [name, ...rest] = argv;
  try {
    const command = context.commands.find((c) => c.name === (name ?? 'help'));
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    const { options, positionals } = parse(command, rest);
    if (options['help']) return await helpFor(command, context);
    return await command.run(options, positionals, context);
  } catch (error) {
    if (error instanceof UsageError || isParseError(error)) {
      const topic = name && context.commands.some((c) => c.name === name) ? ` ${name}` : '';
      const message = (error as Error).message.replace(/\.?$/, '.');
      context.err(`pakaura${topic}: ${message} Run: pakaura help${topic}`);
      return 2;
    }
    context.err((error as Error).message);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function parse(
  command: Command,
  args: readonly string[],
): { options: ParsedOptions; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([key, o]) => [
      key,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  const parsed = parseArgs({
    args: [...args],
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: Boolean(command.positionals),
    strict: true,
  });
  return { options: parsed.values as ParsedOptions, positionals: parsed.positionals };
}

function helpFor(command: Command, context: CliContext): Promise<number> {
  const help = context.commands.find((c) => c.name === 'help');
  return help ? help.run({}, [command.name], context) : Promise.resolve(0);
}

function isParseError(error: unknown): boolean {
  return String((error as { code?: string })?.code ?? '').startsWith('ERR_PARSE_ARGS');
}

function buildContext(overrides: Partial<CliContext>, signal: AbortSignal): CliContext {
  if (!overrides.out) process.stdout.on('error', endQuietlyOnClosedPipe);
  const base = {
    workspaceRoot: overrides.workspaceRoot ?? findWorkspaceRoot(__dirname),
    env: overrides.env ?? process.env,
    out: (line: string) => process.stdout.write(`${line}\n`),
    err: (line: string) => process.stderr.write(`${line}\n`),
    signal,
  };
  return {
    ...base,
    color: pc.isColorSupported,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    confirm: async (question: string) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
    browse: async (url: string) => {
      const { default: openInBrowser } = await import('open');
      await openInBrowser(url);
    },
    nx: (args: readonly string[]) => runNx(args, { ...base, ...overrides }),
    commands: COMMANDS,
    ...overrides,
  };
}

/** `pakaura status | head` closes the pipe early: that is the reader's choice, not an error. */
function endQuietlyOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
}
