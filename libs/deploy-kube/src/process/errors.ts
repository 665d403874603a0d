/** A program Pakaura needs is not installed, or not on PATH. */
export class ToolNotFoundError extends Error {
  constructor(
    readonly tool: string,
    readonly installHint: string,
    options?: ErrorOptions,
  ) {
    super(`${tool} was not found on PATH. ${installHint}`, options);
    this.name = 'ToolNotFoundError';
  }
}

/** A program ran and failed; the message names the command and its last words on stderr. */
export class ToolFailedError extends Error {
  constructor(
    readonly tool: string,
    readonly args: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
    readonly hint: string | undefined,
    options?: ErrorOptions,
  ) {
    const verb = args.find((a) => !a.startsWith('-')) ?? '';
    const detail = lastLines(stderr, 5) || `exit code ${exitCode ?? 'unknown'}`;
    super(
      `${[tool, verb].filter(Boolean).join(' ')} failed: ${detail}${hint ? `\n${hint}` : ''}`,
      options,
    );
    this.name = 'ToolFailedError';
  }
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join('\n');
}
