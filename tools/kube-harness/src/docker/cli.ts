import { execa, type ResultPromise } from 'execa';
import { createInterface } from 'node:readline';

export interface RunOptions {
  timeoutMs?: number;
  input?: string;
  /** Extra variables for the docker CLI itself (`docker run -e NAME` reads NAME from here). */
  env?: Record<string, string>;
}

export interface DockerResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** A container's state change, from `docker events`. */
export interface DockerEvent {
  status: string;
  id: string;
  attributes: Record<string, string>;
}

/**
 * The Docker engine through the docker CLI (execa, argv arrays, never a shell). Every call is
 * asynchronous: nothing here blocks on a container (no `docker wait`); exits arrive through
 * `events()`. The CLI was chosen over an Engine API client because each action is then a command
 * a person can paste to reproduce it, the harness needs no dependency beyond execa, and it uses
 * the same client as the image lane (DOCKER, Debian's docker.io).
 */
export class DockerCli {
  constructor(readonly binary = process.env['DOCKER'] ?? 'docker') {}

  /** Runs `docker ...args`; fails with docker's own error line and what to do next. */
  async run(args: readonly string[], options: RunOptions = {}): Promise<string> {
    const result = await this.tryRun(args, options);
    if (result.exitCode !== 0) {
      const reason = result.timedOut
        ? `no answer within ${(options.timeoutMs ?? 0) / 1000} s`
        : result.stderr.trim().split('\n').pop() || `exit ${result.exitCode}`;
      throw new DockerError(`docker ${args[0]} failed: ${reason}`, result);
    }
    return result.stdout;
  }

  /** Runs `docker ...args` and returns its exit code and output whatever they are. */
  async tryRun(args: readonly string[], options: RunOptions = {}): Promise<DockerResult> {
    try {
      const result = await execa(this.binary, args, {
        reject: false,
        timeout: options.timeoutMs,
        input: options.input,
        env: options.env,
        stdin: options.input === undefined ? 'ignore' : undefined,
        stripFinalNewline: false,
      });
      return {
        exitCode: result.exitCode ?? (result.timedOut ? 124 : 1),
        stdout: String(result.stdout ?? ''),
        stderr: String(result.stderr ?? ''),
        timedOut: result.timedOut,
      };
    } catch (error) {
      throw new Error(
        `Cannot run ${this.binary}: ${(error as Error).message}. Install Docker (apt-get install -y docker.io) and start the engine (.ci/images/dockerd.sh start)`,
        { cause: error },
      );
    }
  }

  /** The last `tail` lines a container printed, stdout and stderr interleaved as they arrived. */
  async logs(container: string, tail?: number): Promise<string> {
    const args = ['logs', ...(tail === undefined ? [] : ['--tail', String(tail)]), container];
    const result = await execa(this.binary, args, { reject: false, all: true, stdin: 'ignore' });
    if (result.exitCode !== 0) {
      throw new Error(
        `docker logs ${container} failed: ${String(result.stderr).trim().split('\n').pop()}`,
      );
    }
    return String(result.all ?? '');
  }

  /** Follows `docker events` for containers with `label` until stop(). */
  events(
    label: string,
    onEvent: (event: DockerEvent) => void,
  ): { stop(): void; ready: Promise<void> } {
    const child: ResultPromise = execa(
      this.binary,
      [
        'events',
        '--filter',
        'type=container',
        '--filter',
        `label=${label}`,
        '--format',
        '{{json .}}',
      ],
      { reject: false, stdin: 'ignore', buffer: false },
    );
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const raw = parseLine(line);
      if (raw) onEvent(raw);
    });
    // `docker events` prints nothing until an event: give it a moment to subscribe.
    const ready = new Promise<void>((resolve) => setTimeout(resolve, 300));
    return {
      ready,
      stop: () => {
        lines.close();
        child.kill('SIGTERM');
      },
    };
  }
}

function parseLine(line: string): DockerEvent | undefined {
  try {
    const event = JSON.parse(line) as {
      status?: string;
      Action?: string;
      id?: string;
      Actor?: { ID?: string; Attributes?: Record<string, string> };
    };
    return {
      status: event.status ?? event.Action ?? '',
      id: event.id ?? event.Actor?.ID ?? '',
      attributes: event.Actor?.Attributes ?? {},
    };
  } catch {
    return undefined;
  }
}

export class DockerError extends Error {
  constructor(
    message: string,
    readonly result: DockerResult,
  ) {
    super(message);
    this.name = 'DockerError';
  }
}
