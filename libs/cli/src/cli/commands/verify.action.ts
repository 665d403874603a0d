import { relative } from 'node:path';
import {
  formatTable,
  runVerify,
  verifyRunOptions,
  writeReports,
  type VerifyCommandOptions,
} from '@pakaura/deploy-verify';
import { UsageError, type CliContext, type ParsedOptions } from '../command';
import { paint } from '../output';

/** What `pakaura verify` does; loaded on first use so `pakaura help` stays light. */
export async function verifyCommand(
  options: ParsedOptions,
  _positionals: string[],
  context: CliContext,
): Promise<number> {
  const c = paint(context.color);
  let run;
  try {
    run = verifyRunOptions(commandOptions(options), context.workspaceRoot, context.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const report = await runVerify(run, {
    signal: context.signal,
    onStart: (check) => context.out(c.dim(`… ${check.name} (${check.task}): ${check.title}`)),
  });
  context.out(formatTable(report, { color: context.color }));
  const paths = writeReports(run.reportDir, report);
  context.out(
    `Reports: ${relative(process.cwd(), paths.json)}, ${relative(process.cwd(), paths.junit)}`,
  );
  const failed = report.checks.filter((check) => check.status === 'failed');
  if (failed.length === 0) return 0;
  context.err(
    `verify failed: ${failed.map((check) => `${check.name}: ${check.message}`).join(' | ')}`,
  );
  return 1;
}

/** `--ingress-port 8080` → `{ ingressPort: 8080 }`: the executor's names, in kebab-case here. */
export function commandOptions(options: ParsedOptions): VerifyCommandOptions {
  return {
    kubeconfig: text(options, 'kubeconfig'),
    context: text(options, 'context'),
    provider: text(options, 'provider'),
    namespace: text(options, 'namespace'),
    release: text(options, 'release'),
    safe: options['safe'] === true,
    checks: text(options, 'checks')
      ?.split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    ingressPort: number(options, 'ingress-port'),
    ingressHost: text(options, 'ingress-host'),
    ingressTimeout: number(options, 'ingress-timeout'),
    replacementTimeout: number(options, 'replacement-timeout'),
    databaseRestartTimeout: number(options, 'database-restart-timeout'),
    reportDir: text(options, 'report-dir'),
  };
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
