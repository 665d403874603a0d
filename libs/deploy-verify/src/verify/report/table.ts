import pc from 'picocolors';
import type { CheckResult, VerifyReport } from '../types';

const MARK: Record<CheckResult['status'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  skipped: 'SKIP',
};

/**
 * The terminal summary: one row per check (status, name, seed task, seconds, first line of
 * evidence or the failure), then the failures with all their evidence, then the verdict.
 */
export function formatTable(report: VerifyReport, options: { color?: boolean } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const paint = { passed: c.green, failed: c.red, skipped: c.yellow };
  const rows = report.checks.map((r) => [
    paint[r.status](MARK[r.status]),
    r.name,
    r.task,
    `${(r.durationMs / 1000).toFixed(1)}s`,
    r.message ?? r.evidence.at(-1) ?? r.title,
  ]);
  const widths = [4, ...[1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length), 0))];
  const lines = [
    c.bold(
      `pakaura verify — release ${report.release} in ${report.namespace} (context ${report.context})`,
    ),
    ...rows.map((row) =>
      [
        row[0],
        row[1].padEnd(widths[1]),
        row[2].padEnd(widths[2]),
        row[3].padStart(widths[3]),
        row[4],
      ].join('  '),
    ),
  ];
  for (const failed of report.checks.filter((r) => r.status === 'failed')) {
    lines.push('', c.red(`${failed.name} (${failed.task}) failed: ${failed.message}`));
    lines.push(...failed.evidence.map((e) => `  ${e}`));
  }
  const counts = (['passed', 'failed', 'skipped'] as const).map(
    (s) => `${report.checks.filter((r) => r.status === s).length} ${s}`,
  );
  lines.push(
    '',
    `${report.passed ? c.green('Verified') : c.red('Verification failed')}: ${counts.join(', ')} in ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  return lines.join('\n');
}
