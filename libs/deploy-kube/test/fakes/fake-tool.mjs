#!/usr/bin/env node
/**
 * One program behind the fake `docker`, `minikube`, `kubectl`, `helm` and `kind` on a test's PATH:
 * `node fake-tool.mjs <tool> <args...>`. Each call answers like the real tool for the commands
 * Pakaura uses, keeps the world in $PAKAURA_FAKE_STATE and appends its argv to $PAKAURA_FAKE_LOG.
 * See README.md.
 */
import { parseArgs } from './lib/args.mjs';
import { kubeconfigPath } from './lib/kubeconfig-path.mjs';
import { FakeState, logCall } from './lib/state.mjs';

const TOOLS = ['docker', 'helm', 'kind', 'kubectl', 'minikube'];

/** Thrown by a handler to end the call with an exit code and a message on stderr. */
export class FakeExit extends Error {
  constructor(exitCode, stderr = '') {
    super(stderr);
    this.exitCode = exitCode;
  }
}

const [tool, ...argv] = process.argv.slice(2);
const started = Date.now();
const record = (exitCode, extra = {}) =>
  logCall({
    tool,
    args: argv,
    cwd: process.cwd(),
    env: pick(process.env, ['DOCKER_HOST', 'MINIKUBE_ACTIVE_DOCKERD', 'DOCKER_BUILDKIT']),
    start: started,
    end: Date.now(),
    exitCode,
    ...extra,
  });

if (!TOOLS.includes(tool)) {
  process.stderr.write(`fake-tool: unknown tool "${tool}"\n`);
  process.exit(2);
}
const module = await import(`./tools/${tool}.mjs`);

const state = FakeState.fromEnv();
const config = state.config();
const parsed = parseArgs(argv, module.spec);
const ctx = {
  tool,
  argv,
  parsed,
  state,
  config,
  env: process.env,
  kubeconfig: kubeconfigPath(parsed.flags.get('kubeconfig')?.at(-1)),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  fail: (exitCode, stderr) => {
    throw new FakeExit(exitCode, stderr);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  /** The injected delay matching this call, in ms (0 when none). */
  delayMs: () => matchingKnob(config.delays, tool, parsed.positionals, argv)?.ms ?? 0,
  /** The injected failure matching this call, if any and if its `times` are not used up. */
  failure: () => {
    const failure = matchingKnob(config.failures, tool, parsed.positionals, argv);
    return failure && withinTimes(failure) ? failure : undefined;
  },
  onSignal: undefined,
};

process.on('SIGTERM', async () => {
  const code = ctx.onSignal ? await ctx.onSignal('SIGTERM') : 143;
  record(code, { signal: 'SIGTERM' });
  process.exit(code);
});

let exitCode = 0;
try {
  const handledByTool = module.handlesKnobs?.(parsed) ?? false;
  if (!handledByTool) {
    await ctx.sleep(ctx.delayMs());
    const failure = ctx.failure();
    if (failure) throw new FakeExit(failure.exitCode ?? 1, failure.stderr ?? 'injected failure');
  }
  exitCode = (await module.run(ctx)) ?? 0;
} catch (error) {
  if (!(error instanceof FakeExit)) throw error;
  if (error.message) ctx.err(error.message);
  exitCode = error.exitCode;
}
record(exitCode);
process.exitCode = exitCode;

function matchingKnob(knobs, toolName, positionals, args) {
  return (knobs ?? []).find(
    (k) =>
      k.tool === toolName &&
      (k.command ?? '')
        .split(' ')
        .filter(Boolean)
        .every((word, i) => positionals[i] === word) &&
      (!k.contains || args.join(' ').includes(k.contains)),
  );
}

function withinTimes(failure) {
  if (failure.times === undefined) return true;
  const key = `failure:${failure.tool}:${failure.command ?? ''}:${failure.contains ?? ''}`;
  return state.bump(key) <= failure.times;
}

function pick(env, keys) {
  return Object.fromEntries(keys.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
}
