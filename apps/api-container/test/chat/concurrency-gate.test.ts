import { describe, expect, it } from 'vitest';
import { ConcurrencyGate, GateFullError } from '../../src/chat/concurrency-gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ConcurrencyGate', () => {
  it('runs at most `active` at once, queues the next ones in order, and turns away the rest', async () => {
    const gate = new ConcurrencyGate(2, 2);
    const started: number[] = [];
    const blockers = Array.from({ length: 4 }, deferred);
    const runs = blockers.map((blocker, index) =>
      gate.run(async () => {
        started.push(index);
        await blocker.promise;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.hasRoom).toBe(false);
    await expect(gate.run(async () => 'late')).rejects.toBeInstanceOf(GateFullError);

    blockers[1].resolve();
    await runs[1];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    blockers[0].resolve();
    blockers[2].resolve();
    blockers[3].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(await gate.run(async () => 'free again')).toBe('free again');
  });

  it('frees its place when the work fails', async () => {
    const gate = new ConcurrencyGate(1, 0);
    await expect(
      gate.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await gate.run(async () => 'ok')).toBe('ok');
  });
});
