import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { bundledBinary } from '../../src/process';
import { removeContext, upsertContext } from './lib/kubeconfig.mjs';
import {
  FakeState,
  LOG_ENV,
  STATE_ENV,
  readCalls,
  type FakeCall,
  type FakeConfig,
} from './lib/state.mjs';

export type {
  FakeCall,
  FakeCluster,
  FakeConfig,
  FakeImage,
  FakeRelease,
  FakeReleaseRevision,
} from './lib/state.mjs';
export { FakeState } from './lib/state.mjs';

export type FakeToolName = FakeCall['tool'];
export const FAKE_TOOLS: readonly FakeToolName[] = [
  'docker',
  'minikube',
  'kubectl',
  'helm',
  'kind',
];
/** The one program behind every shim. */
export const FAKE_TOOL_SCRIPT = join(__dirname, 'fake-tool.mjs');

export interface FakeSandboxOptions {
  /** Tools put on PATH (default: all five). Leave one out to see its missing-tool message. */
  tools?: readonly FakeToolName[];
  /**
   * Keep the machine's PATH after the fakes (default true) so node, npx and git still work.
   * `false` makes PATH hold only the fakes: a tool left out is then really missing.
   */
  inheritPath?: boolean;
  /** Initial knobs (versions, failures, delays); change them later with `configure`. */
  config?: FakeConfig;
  /** Use this kubeconfig (e.g. a FakeKube's) instead of a new empty one. */
  kubeconfig?: string;
}

export interface FakeSandbox {
  readonly root: string;
  readonly binDir: string;
  readonly stateDir: string;
  readonly logFile: string;
  readonly kubeconfig: string;
  /** PATH, KUBECONFIG and the fakes' own variables: pass to a child process or `apply()` them. */
  readonly env: Record<string, string>;
  readonly state: FakeState;
  configure(patch: FakeConfig): void;
  /** Invocations so far, oldest first, optionally of one tool. */
  calls(tool?: FakeToolName): FakeCall[];
  clearCalls(): void;
  /** Runs a fake as a person would (`sandbox.exec('minikube', ['start'])`), to set up a test's world. */
  exec(
    tool: FakeToolName,
    args: readonly string[],
  ): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  /**
   * Adds a context (with its cluster entry and user) to the kubeconfig and makes it current,
   * replacing one of the same name: a context can so be pointed at another server. No fake
   * cluster is behind it unless one is started under that name.
   */
  addContext(name: string, server?: string): void;
  /** Puts `env` into process.env for in-process code; returns the function that undoes it. */
  apply(): () => void;
  dispose(): void;
}

export function createFakeSandbox(options: FakeSandboxOptions = {}): FakeSandbox {
  const root = mkdtempSync(join(tmpdir(), 'pakaura-fakes-'));
  const binDir = join(root, 'bin');
  const stateDir = join(root, 'state');
  const logFile = join(root, 'calls.jsonl');
  const kubeconfig = options.kubeconfig ?? join(root, 'kube', 'config');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  for (const tool of options.tools ?? FAKE_TOOLS) writeShim(binDir, tool);

  const inherit = options.inheritPath ?? true;
  const env: Record<string, string> = {
    PATH: inherit ? `${binDir}${delimiter}${process.env['PATH'] ?? ''}` : binDir,
    KUBECONFIG: kubeconfig,
    [STATE_ENV]: stateDir,
    [LOG_ENV]: logFile,
    PAKAURA_FAKE_REAL_HELM: bundledBinary('helm', 3),
    PAKAURA_FAKE_REAL_KUBECTL: bundledBinary('kubectl', 3),
  };
  const state = new FakeState(stateDir);
  if (options.config) state.configure(options.config);

  return {
    root,
    binDir,
    stateDir,
    logFile,
    kubeconfig,
    env,
    state,
    configure: (patch) => state.configure(patch),
    calls: (tool) => readCalls(logFile).filter((call) => !tool || call.tool === tool),
    clearCalls: () => rmSync(logFile, { force: true }),
    exec: (tool, args) => execFake(env, tool, args),
    addContext: (name, server = 'https://127.0.0.1:1') => {
      removeContext(kubeconfig, name);
      upsertContext(kubeconfig, name, server);
    },
    apply: () => applyEnv(env),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A per-tool shell shim with absolute paths, so it works even when PATH holds nothing else. */
function writeShim(binDir: string, tool: FakeToolName): void {
  const file = join(binDir, tool);
  writeFileSync(file, `#!/bin/sh\nexec '${process.execPath}' '${FAKE_TOOL_SCRIPT}' ${tool} "$@"\n`);
  chmodSync(file, 0o755);
}

function execFake(
  env: Record<string, string>,
  tool: FakeToolName,
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [FAKE_TOOL_SCRIPT, tool, ...args],
      { env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ stdout, stderr, exitCode: typeof code === 'number' ? code : error ? 1 : 0 });
      },
    );
  });
}

function applyEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
