import type { VerifyReport } from '../types';

/** JUnit XML for CI systems: one testsuite, one testcase per check, evidence as system-out. */
export function toJUnit(report: VerifyReport): string {
  const count = (status: string) => report.checks.filter((c) => c.status === status).length;
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="pakaura.verify" name="${xml(`${check.name} (${check.task}): ${check.title}`)}" time="${seconds(check.durationMs)}">`;
    const verdict =
      check.status === 'failed'
        ? `      <failure message="${xml(check.message ?? 'failed')}" type="CheckFailed">${xml(check.message ?? '')}</failure>`
        : check.status === 'skipped'
          ? `      <skipped message="${xml(check.message ?? 'skipped')}"/>`
          : undefined;
    const out = check.evidence.length
      ? `      <system-out>${xml(check.evidence.join('\n'))}</system-out>`
      : undefined;
    return [open, verdict, out, '    </testcase>'].filter(Boolean).join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pakaura verify" tests="${report.checks.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds(report.durationMs)}">`,
    `  <testsuite name="verify ${xml(report.release)} in ${xml(report.namespace)}" tests="${report.checks.length}" failures="${count('failed')}" skipped="${count('skipped')}" errors="0" time="${seconds(report.durationMs)}" timestamp="${report.startedAt}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes XML text and drops the control characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .split('')
    .filter((ch) => ch >= ' ' || ch === '\n' || ch === '\t' || ch === '\r')
    .join('');
}
