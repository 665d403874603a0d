import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../types';
import { toJUnit } from './junit';
import { formatTable } from './table';
import { writeReports } from './write';

const report: VerifyReport = {
  namespace: 'pakaura',
  release: 'pakaura',
  context: 'minikube',
  startedAt: '2026-01-18T10:00:00.000Z',
  durationMs: 4200,
  overheadMs: 1200,
  passed: false,
  checks: [
    {
      name: 'pods',
      task: 'T045',
      title: 'pods Running and Ready, zero restarts',
      status: 'passed',
      durationMs: 300,
      waitedMs: 0,
      evidence: ['api: 2/2 Ready', 'frontend: 2/2 Ready'],
      measurements: {},
    },
    {
      name: 'chatbot',
      task: 'T052',
      title: 'chatbot adds, lists, completes and deletes a task',
      status: 'failed',
      durationMs: 900,
      waitedMs: 0,
      evidence: ['step 1 "Add <a> & b" -> no action'],
      message: 'step 1: expected a successful add_task',
      measurements: {},
    },
    {
      name: 'persistence',
      task: 'T049',
      title: 'data survives a database pod restart',
      status: 'skipped',
      durationMs: 0,
      waitedMs: 0,
      evidence: [],
      message: 'disruptive: skipped by --safe',
      measurements: {},
    },
  ],
};

describe('verify reports', () => {
  it('prints one row per check, then each failure with its evidence, then the verdict', () => {
    const lines = formatTable(report).split('\n');
    expect(lines[1]).toBe('PASS  pods         T045  0.3s  frontend: 2/2 Ready');
    expect(lines[2]).toBe('FAIL  chatbot      T052  0.9s  step 1: expected a successful add_task');
    expect(lines[3]).toBe('SKIP  persistence  T049  0.0s  disruptive: skipped by --safe');
    expect(lines.slice(5, 7)).toEqual([
      'chatbot (T052) failed: step 1: expected a successful add_task',
      '  step 1 "Add <a> & b" -> no action',
    ]);
    expect(lines.at(-1)).toBe('Verification failed: 1 passed, 1 failed, 1 skipped in 4.2 s');
  });

  it('writes JUnit with a failure, a skip and escaped evidence', () => {
    const xml = toJUnit(report);
    expect(xml).toContain(
      '<testsuites name="pakaura verify" tests="3" failures="1" skipped="1" time="4.200">',
    );
    expect(xml).toContain(
      '<failure message="step 1: expected a successful add_task" type="CheckFailed">',
    );
    expect(xml).toContain('<skipped message="disruptive: skipped by --safe"/>');
    expect(xml).toContain('step 1 &quot;Add &lt;a&gt; &amp; b&quot; -&gt; no action');
  });

  it('writes report.json and junit.xml into the report folder', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pakaura-report-')), 'dist', 'verify');
    const paths = writeReports(dir, report);
    expect(JSON.parse(readFileSync(paths.json, 'utf8'))).toEqual(report);
    expect(readFileSync(paths.junit, 'utf8')).toBe(toJUnit(report));
  });
});
