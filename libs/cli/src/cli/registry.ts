/**
 * The `pakaura` commands, in the order `pakaura help` lists them.
 *
 * Convention: one file per command in ./commands/<name>.ts exporting a `Command` (see
 * ../command.ts: name, summary, usage, description, options, run). To add a command, write that
 * file and add one line to COMMANDS. A command returns its exit code; a wrong argument throws
 * UsageError; anything else it throws is printed as one line by main.ts.
 */
import type { Command } from './command';
import { build } from './commands/build';
import { deploy } from './commands/deploy';
import { destroy } from './commands/destroy';
import { health } from './commands/health';
import { help } from './commands/help';
import { logs } from './commands/logs';
import { open } from './commands/open';
import { prereqs } from './commands/prereqs';
import { setup } from './commands/setup';
import { status } from './commands/status';
import { verify } from './commands/verify';

export const COMMANDS: readonly Command[] = [
  prereqs,
  setup,
  build,
  deploy,
  status,
  health,
  open,
  logs,
  verify,
  destroy,
  help,
];
