/** One option of a command, as node:util parseArgs reads it. */
export interface CommandOption {
  type: 'string' | 'boolean';
  short?: string;
  description: string;
  /** Shown in help as `--name <value>`. */
  valueName?: string;
}

export type ParsedOptions = Record<string, string | boolean | undefined>;

/** What a command may use: where it runs, how it prints, how it asks. */
export interface CliContext {
  workspaceRoot: string;
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Colours on (a terminal without NO_COLOR). */
  color: boolean;
  /** True when a person can answer a question (stdin and stdout are terminals). */
  interactive: boolean;
  /** Asks a yes/no question; resolves false when nobody can answer. */
  confirm(question: string): Promise<boolean>;
  /** Opens a URL in the person's browser (called only when `interactive`). */
  browse(url: string): Promise<void>;
  /** Aborted on Ctrl-C, so long-running commands (logs) stop cleanly. */
  signal: AbortSignal;
  /** Runs the workspace's Nx with these arguments, output streamed; resolves to its exit code. */
  nx(args: readonly string[]): Promise<number>;
  /** Every registered command, for `help`. */
  commands: readonly Command[];
}

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** `pakaura <name> [args]`, then a paragraph on what it does. */
  usage: string;
  description: string;
  options: Record<string, CommandOption>;
  /** Whether extra positional arguments are accepted (e.g. the component of `logs`). */
  positionals?: { name: string; description: string };
  /** Resolves to the process exit code. */
  run(options: ParsedOptions, positionals: string[], context: CliContext): Promise<number>;
}

/** A mistake on the command line: printed as one line with the help to read. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
