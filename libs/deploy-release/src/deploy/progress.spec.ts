import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { lineReporter, podStateText, terminalReporter, type RolloutView } from './progress';

const view = (elapsedMs: number, apiReady: number): RolloutView => ({
  elapsedMs,
  components: [
    { name: 'api', ready: apiReady, wanted: 2 },
    { name: 'postgresql', ready: 1, wanted: 1 },
  ],
  jobs: [{ name: 'migration', state: 'running' }],
  waiting:
    apiReady < 2 ? [{ name: 'api-7d9f-x2k', state: 'Init:0/2 (wait-for-db running 12s)' }] : [],
});

describe('rollout progress', () => {
  it('prints one line per change in a log, not one per second', () => {
    const lines: string[] = [];
    const reporter = lineReporter((line) => lines.push(line));
    reporter.update(view(1_000, 1));
    reporter.update(view(2_000, 1));
    reporter.update(view(65_000, 2));
    expect(lines).toEqual([
      '  [0:01] api 1/2 · postgresql 1/1 · migration running | not ready: api-7d9f-x2k Init:0/2 (wait-for-db running 12s)',
      '  [1:05] api 2/2 · postgresql 1/1 · migration running',
    ]);
  });

  it('redraws the block in place on a terminal, keeping other lines above it', () => {
    let screen = '';
    const reporter = terminalReporter((text) => (screen += text));
    reporter.update(view(1_000, 1));
    reporter.update(view(2_000, 1));
    reporter.line('a notice');
    expect(screen).toBe(
      [
        '\x1b[2KWaiting 0:01: api 1/2 · postgresql 1/1 · migration running\n',
        '\x1b[2K  api-7d9f-x2k: Init:0/2 (wait-for-db running 12s)\n',
        '\x1b[2F\x1b[J',
        '\x1b[2KWaiting 0:02: api 1/2 · postgresql 1/1 · migration running\n',
        '\x1b[2K  api-7d9f-x2k: Init:0/2 (wait-for-db running 12s)\n',
        '\x1b[2F\x1b[J',
        'a notice\n',
        '\x1b[2KWaiting 0:02: api 1/2 · postgresql 1/1 · migration running\n',
        '\x1b[2K  api-7d9f-x2k: Init:0/2 (wait-for-db running 12s)\n',
      ].join(''),
    );
  });

  it('words a pod state as kubectl get pods does', () => {
    const at = Date.parse('2026-01-01T00:00:20Z');
    const init = {
      metadata: {},
      status: {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'wait-for-db', state: { running: { startedAt: '2026-01-01T00:00:08Z' } } },
          { name: 'migrate', state: { waiting: { reason: 'PodInitializing' } } },
        ],
      },
    } as unknown as V1Pod;
    expect(podStateText(init, at)).toBe('Init:0/2 (wait-for-db running 12s)');
    const pending = {
      metadata: {},
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      },
    } as unknown as V1Pod;
    expect(podStateText(pending)).toBe('Pending (Unschedulable)');
    const crash = {
      metadata: {},
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'api', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      },
    } as unknown as V1Pod;
    expect(podStateText(crash)).toBe('CrashLoopBackOff');
    expect(podStateText({ metadata: { deletionTimestamp: new Date() }, status: {} } as V1Pod)).toBe(
      'Terminating',
    );
  });
});
