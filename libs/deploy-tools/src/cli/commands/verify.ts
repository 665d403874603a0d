import { relative } from 'node:path';
import { CHECK_NAMES, REPORT_DIR, formatTable, runVerify, writeReports } from '../../verify';
import { UsageError, type Command, type ParsedOptions } from '../command';
import { clusterSelection, KUBE_OPTIONS, kubeSelection } from '../kube-options';
import { paint } from '../output';

export const verify: Command = {
  name: 'verify',
  summary:
    'Prove the deployment works: pods, health, frontend, secrets, release, chatbot, self-healing, persistence',
  usage: 'pakaura verify [--safe] [--checks <a,b>] [--context <name>] [-n <namespace>]',
  description: `Runs the checks of seed tasks T045-T052 against the release and prints one row per check with its duration and evidence; writes ${REPORT_DIR}/report.json and junit.xml. self-healing deletes an API pod and persistence deletes postgresql-0: --safe skips both. Exits 1 when a check fails, naming it and why.`,
  options: {
    ...KUBE_OPTIONS,
    safe: {
      type: 'boolean',
      description: 'Skip the checks that delete pods (self-healing, persistence).',
    },
    checks: {
      type: 'string',
      valueName: 'a,b',
      description: `Run only these checks, comma-separated: ${CHECK_NAMES.join(', ')}.`,
    },
    'ingress-port': {
      type: 'string',
      valueName: 'port',
      description: 'Port the ingress controller answers on at the Ingress address (default: 80).',
    },
    'ingress-host': {
      type: 'string',
      valueName: 'address',
      description:
        'Reach the Ingress at this address instead of the one in its status (e.g. 127.0.0.1 while `minikube tunnel` runs on macOS).',
    },
    'ingress-timeout': {
      type: 'string',
      valueName: 'seconds',
      description: 'Seconds to wait for the Ingress to get its address (default: 90).',
    },
    'replacement-timeout': {
      type: 'string',
      valueName: 'seconds',
      description: 'Seconds a replacement API pod has to become Ready (default: 60).',
    },
    'report-dir': {
      type: 'string',
      valueName: 'dir',
      description: `Where report.json and junit.xml go (default: ${REPORT_DIR} in the workspace).`,
    },
  },
  async run(options, _positionals, context) {
    const c = paint(context.color);
    const report = await runVerify(
      {
        ...kubeSelection(options),
        cluster: clusterSelection(options, context),
        ingressHost: text(options, 'ingress-host'),
        safe: options['safe'] === true,
        only: checkNames(options),
        ingressPort: number(options, 'ingress-port'),
        timeouts: {
          replacementMs: seconds(number(options, 'replacement-timeout')),
          ingressAddressMs: seconds(number(options, 'ingress-timeout')),
        },
      },
      {
        signal: context.signal,
        onStart: (check) => context.out(c.dim(`… ${check.name} (${check.task}): ${check.title}`)),
      },
    );
    context.out(formatTable(report, { color: context.color }));
    const dir = text(options, 'report-dir') ?? `${context.workspaceRoot}/${REPORT_DIR}`;
    const paths = writeReports(dir, report);
    context.out(
      `Reports: ${relative(process.cwd(), paths.json)}, ${relative(process.cwd(), paths.junit)}`,
    );
    const failed = report.checks.filter((check) => check.status === 'failed');
    if (failed.length === 0) return 0;
    context.err(
      `verify failed: ${failed.map((check) => `${check.name}: ${check.message}`).join(' | ')}`,
    );
    return 1;
  },
};

function checkNames(options: ParsedOptions): string[] | undefined {
  const names = text(options, 'checks')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names?.filter((name) => !(CHECK_NAMES as readonly string[]).includes(name)) ?? [];
  if (unknown.length > 0) {
    throw new UsageError(`Unknown check ${unknown.join(', ')} (checks: ${CHECK_NAMES.join(', ')})`);
  }
  return names;
}

function text(options: ParsedOptions, key: string): string | undefined {
  return typeof options[key] === 'string' ? (options[key] as string) : undefined;
}

function number(options: ParsedOptions, key: string): number | undefined {
  const value = text(options, key);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${key} must be a whole number, got "${value}"`);
  return Number(value);
}

function seconds(value: number | undefined): number | undefined {
  return value === undefined ? undefined : value * 1000;
}
