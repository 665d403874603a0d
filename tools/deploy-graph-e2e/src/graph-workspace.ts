import { execFile } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nxBin } from '@pakaura/deploy-kube/process';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';

/** The workspace this file belongs to. */
export const SOURCE_ROOT = resolve(__dirname, '..', '..', '..');
/** Every Nx run's output is kept here (dist is ignored by git), for CI to show on failure. */
export const LOG_DIR = join(SOURCE_ROOT, 'dist', 'deploy-graph-e2e');
/** Where the fake minikube points the kube context: a port nothing listens on. */
const UNREACHABLE_API = 'https://127.0.0.1:1';

/** GNU time, when installed: it reports the CPU time of a command and all its children. */
const GNU_TIME = '/usr/bin/time';

export interface CommandResult {
  code: number;
  output: string;
  ms: number;
  /** User + system CPU seconds of the command and its children (only with `cpu: true`). */
  cpuSeconds?: number;
}

/**
 * A throwaway copy of the workspace's committed files in its own git repository, with the fake
 * docker/minikube/kubectl/helm/kind first on PATH: the whole deployment graph runs there through
 * the real Nx, without touching this checkout or a cluster.
 *
 * node_modules is hard-linked, not symlinked: Next's Turbopack does not resolve `next` through a
 * node_modules symlink that leaves the project root. Hard links cost no space on the same
 * filesystem; elsewhere it falls back to a full copy.
 */
export class GraphWorkspace {
  private runs = 0;

  private constructor(
    readonly root: string,
    readonly sandbox: FakeSandbox,
  ) {}

  static async create(source = SOURCE_ROOT): Promise<GraphWorkspace> {
    const root = mkdtempSync(join(tmpdir(), 'pakaura-graph-'));
    const archive = join(root, '..', `${root.split('/').pop()}.tar`);
    await command('git', ['-C', source, 'archive', '--format=tar', '-o', archive, 'HEAD'], source);
    await command('tar', ['-xf', archive, '-C', root], root);
    rmSync(archive);
    await command('cp', ['-al', join(source, 'node_modules'), root], root).catch(() =>
      command('cp', ['-a', join(source, 'node_modules'), root], root),
    );
    await command('git', ['init', '-q', '-b', 'main'], root);
    appendFileSync(join(root, '.git', 'info', 'exclude'), 'node_modules\n');
    await command('git', ['add', '-A'], root);
    await command(
      'git',
      ['-c', 'user.name=graph', '-c', 'user.email=graph@localhost', 'commit', '-q', '-m', 'base'],
      root,
    );
    const sandbox = createFakeSandbox({ config: { apiServer: UNREACHABLE_API } });
    return new GraphWorkspace(root, sandbox);
  }

  /**
   * Runs the workspace's Nx in the copy with the fake tools; never throws on a failing run.
   * `cpu: true` also measures its CPU time through GNU time, when the machine has it.
   */
  async nx(
    args: readonly string[],
    extraEnv: NodeJS.ProcessEnv = {},
    options: { cpu?: boolean } = {},
  ): Promise<CommandResult> {
    const env = { ...this.env(), ...extraEnv };
    const nx = [process.execPath, nxBin(this.root), ...args];
    const cpuFile = join(this.root, 'dist', `cpu-${this.runs + 1}.txt`);
    const timed = options.cpu && existsSync(GNU_TIME);
    if (timed) mkdirSync(join(this.root, 'dist'), { recursive: true });
    const result = timed
      ? await command(GNU_TIME, ['-f', '%U %S', '-o', cpuFile, ...nx], this.root, env, false)
      : await command(nx[0], nx.slice(1), this.root, env, false);
    if (timed) {
      const last = readFileSync(cpuFile, 'utf8').trim().split('\n').pop() ?? '';
      const [user, system] = last.split(' ').map(Number);
      result.cpuSeconds = user + system;
    }
    mkdirSync(LOG_DIR, { recursive: true });
    const slug = args
      .join('_')
      .replace(/[^\w.=-]+/g, '_')
      .slice(0, 80);
    writeFileSync(
      join(LOG_DIR, `${String(++this.runs).padStart(2, '0')}-${slug}.log`),
      `$ nx ${args.join(' ')}\nexit ${result.code} after ${Math.round(result.ms)} ms\n\n${result.output}`,
    );
    return result;
  }

  /**
   * Runs the copy's own `pakaura` CLI (libs/cli/bin/pakaura.cjs) with the fake tools, after
   * building it as `npm ci` would (the copy holds committed files only, not libs/cli/dist).
   */
  async pakaura(args: readonly string[]): Promise<CommandResult> {
    if (!existsSync(join(this.root, 'libs', 'cli', 'dist', 'pakaura.cjs'))) {
      const build = await this.nx(['run', 'cli:build', '--output-style=static']);
      if (build.code !== 0) throw new Error(`nx run cli:build failed:\n${build.output}`);
    }
    const bin = join(this.root, 'libs', 'cli', 'bin', 'pakaura.cjs');
    return command(process.execPath, [bin, ...args], this.root, this.env(), false);
  }

  /** The task graph Nx would run (`--graph=<file>`): task ids and their dependencies. */
  async taskGraph(args: readonly string[]): Promise<{ dependencies: Record<string, string[]> }> {
    const file = join(this.root, 'dist', `task-graph-${Date.now()}.json`);
    const result = await this.nx([...args, `--graph=${file}`]);
    if (result.code !== 0)
      throw new Error(`nx ${args.join(' ')} --graph failed:\n${result.output}`);
    return (
      JSON.parse(readFileSync(file, 'utf8')) as {
        tasks: { dependencies: Record<string, string[]> };
      }
    ).tasks;
  }

  append(file: string, text: string): void {
    appendFileSync(join(this.root, file), text);
  }

  readJson<T>(file: string): T {
    return JSON.parse(readFileSync(join(this.root, file), 'utf8')) as T;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
    this.sandbox.dispose();
  }

  private env(): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV',
      ),
    );
    return {
      ...inherited,
      ...this.sandbox.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    };
  }
}

function command(
  program: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  reject = true,
): Promise<CommandResult> {
  const started = performance.now();
  return new Promise((resolvePromise, rejectPromise) => {
    execFile(
      program,
      [...args],
      { cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        const result: CommandResult = {
          code,
          output: `${stdout}${stderr}`,
          ms: performance.now() - started,
        };
        if (code !== 0 && reject) {
          rejectPromise(
            new Error(`${program} ${args.join(' ')} failed (${code}):\n${result.output}`),
          );
        } else resolvePromise(result);
      },
    );
  });
}
