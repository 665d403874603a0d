import { describe, expect, it } from 'vitest';
import { main } from './main';
import { COMMANDS } from './registry';
import { testContext } from '../../test/cli/test-context';

describe('pakaura', () => {
  it("lists the seed's commands (and prereqs) for help, and with no command at all", async () => {
    for (const argv of [['help'], []]) {
      const context = testContext();
      expect(await main(argv, context)).toBe(0);
      const listed = context.lines
        .filter((l) => /^ {2}\w/.test(l))
        .map((l) => l.trim().split(' ')[0]);
      expect(listed).toEqual([
        'prereqs',
        'setup',
        'build',
        'deploy',
        'status',
        'health',
        'open',
        'logs',
        'verify',
        'destroy',
        'help',
      ]);
    }
  });

  it("shows a command's usage and options with --help", async () => {
    const context = testContext();
    expect(await main(['logs', '--help'], context)).toBe(0);
    expect(context.lines[0]).toBe(
      'Usage: pakaura logs [api|frontend|postgresql] [--tail <n>] [--no-follow]',
    );
    expect(context.lines.join('\n')).toContain('--tail <n>');
  });

  it('refuses an unknown command or option with one line and the help to read (exit 2)', async () => {
    const unknown = testContext();
    expect(await main(['deploi'], unknown)).toBe(2);
    expect(unknown.errors).toEqual(['pakaura: Unknown command "deploi". Run: pakaura help']);
    const badOption = testContext();
    expect(await main(['status', '--contxt', 'x'], badOption)).toBe(2);
    expect(badOption.errors).toEqual([
      "pakaura status: Unknown option '--contxt'. Run: pakaura help status",
    ]);
    const extra = testContext();
    expect(await main(['status', 'extra'], extra)).toBe(2);
    expect(extra.errors[0]).toMatch(/^pakaura status: .*Run: pakaura help status$/);
  });

  it('prints a failure as its message and exits 1', async () => {
    const context = testContext({
      commands: [
        {
          ...COMMANDS[1],
          run: async () => {
            throw new Error('minikube was not found on PATH. Install minikube 1.32+');
          },
        },
      ],
    });
    expect(await main(['setup'], context)).toBe(1);
    expect(context.errors).toEqual(['minikube was not found on PATH. Install minikube 1.32+']);
  });
});
