import { ToolFailedError, ToolNotFoundError } from './errors';
import { spawnProcess } from './exec';
import { installHint } from './install-hints';
import { redact } from './redact';

export interface RunOptions {
  cwd?: string;
  /** Added to the current environment. */
  env?: Record<string, string | undefined>;
  input?: string;
  /**
   * `pipe` (default) captures the output; `inherit` streams it to the terminal; `tee` does both,
   * so a long build shows its progress and a failure still names its cause from stderr.
   */
  stdio?: 'pipe' | 'inherit' | 'tee';
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * After `signal` aborts, the program gets SIGTERM, then SIGKILL this long after (default 5 s).
   * A program that cleans up on SIGTERM (helm rolling a release back) needs longer.
   */
  forceKillAfterMs?: number;
  /** Values masked in every error message this call produces. */
  secrets?: readonly (string | undefined)[];
  /** What a person should do when the program fails, printed under the error. */
  hint?: string;
  /** Return the result instead of throwing when the program exits non-zero. */
  reject?: boolean;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs `tool` with an argv array (never a shell string). A missing program raises
 * ToolNotFoundError with how to install it; a failure raises ToolFailedError naming the command
 * and its stderr, secrets redacted.
 */
export async function run(
  tool: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { secrets = [], reject = true } = options;
  try {
    const result = await spawnProcess(tool, [...args], {
      cwd: options.cwd,
      env: options.env,
      input: options.input,
      stdin: options.input === undefined ? 'ignore' : undefined,
      stdout: outputMode(options.stdio),
      stderr: outputMode(options.stdio),
      timeout: options.timeoutMs,
      cancelSignal: options.signal,
      forceKillAfterDelay: options.forceKillAfterMs,
      reject: false,
      stripFinalNewline: true,
    });
    const stdout = typeof result.stdout === 'string' ? result.stdout : '';
    const stderr = typeof result.stderr === 'string' ? result.stderr : '';
    if (isNotFound(result))
      throw new ToolNotFoundError(tool, installHint(tool), { cause: result.cause });
    if (result.isCanceled) throw new Error(`${tool} was cancelled`, { cause: result.cause });
    if (result.timedOut) {
      throw new ToolFailedError(
        tool,
        args,
        undefined,
        `timed out after ${options.timeoutMs} ms`,
        options.hint,
      );
    }
    const exitCode = result.exitCode ?? 1;
    if (exitCode !== 0 && reject) {
      throw new ToolFailedError(
        tool,
        args,
        exitCode,
        redact(stderr || stdout, secrets),
        options.hint,
      );
    }
    return { stdout, stderr, exitCode };
  } catch (error) {
    if (isNotFound(error)) throw new ToolNotFoundError(tool, installHint(tool), { cause: error });
    throw error;
  }
}

function outputMode(stdio: RunOptions['stdio']): 'pipe' | 'inherit' | ['pipe', 'inherit'] {
  return stdio === 'tee' ? ['pipe', 'inherit'] : (stdio ?? 'pipe');
}

function isNotFound(value: unknown): boolean {
  const code =
    (value as { code?: string; cause?: { code?: string } } | undefined)?.code ??
    (value as { cause?: { code?: string } } | undefined)?.cause?.code;
  return code === 'ENOENT';
}
