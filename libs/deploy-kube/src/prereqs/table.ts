import pc from 'picocolors';
import type { ToolProbe } from './probe';
import { shortVersion } from './version';

/**
 * The prerequisites as a table: tool, required version, found version, status, and how to fix
 * what is not right. Colours only when `color` is true (a terminal).
 */
export function formatPrereqTable(probes: readonly ToolProbe[], color = false): string {
  const paint = pc.createColors(color);
  const rows = probes.map((p) => ({
    cells: [
      p.tool,
      `>= ${shortVersion(p.required)}`,
      p.version ? `${p.version}${p.bundled ? ' (bundled)' : ''}` : '-',
      p.problem ? statusText(p) : 'ok',
    ],
    ok: !p.problem,
    fix: p.fix,
  }));
  const header = ['TOOL', 'REQUIRED', 'FOUND', 'STATUS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [paint.bold(line(header))];
  for (const row of rows) {
    const text = line(row.cells);
    out.push(row.ok ? paint.green(text) : paint.red(text));
    if (!row.ok && row.fix) out.push(`  ${paint.yellow('->')} ${row.fix}`);
  }
  return out.join('\n');
}

function statusText(probe: ToolProbe): string {
  switch (probe.problem) {
    case 'missing':
      return 'MISSING';
    case 'too-old':
      return 'TOO OLD';
    case 'engine-down':
      return 'ENGINE NOT RUNNING';
    default:
      return 'UNREADABLE';
  }
}
