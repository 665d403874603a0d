import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube } from '../../test/fake-kube';
import { objectEvents } from './events';

describe('objectEvents', () => {
  let kube: FakeKube;
  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura' });
  });
  afterEach(() => kube.close());

  function event(name: string, reason: string, lastTimestamp: string, count = 1) {
    kube.store.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.${reason}`, namespace: 'pakaura' },
      involvedObject: { kind: 'Pod', name, namespace: 'pakaura' },
      type: reason === 'BackOff' ? 'Warning' : 'Normal',
      reason,
      message: `${reason} happened`,
      lastTimestamp,
      count,
    });
  }

  it("lists one object's events oldest first, same-second events in the order they were recorded", async () => {
    event('api-1', 'Started', '2026-01-01T10:00:05Z');
    event('api-1', 'Scheduled', '2026-01-01T10:00:01Z');
    event('api-1', 'Pulled', '2026-01-01T10:00:05Z');
    event('api-1', 'BackOff', '2026-01-01T10:00:09Z', 5);
    event('frontend-1', 'Started', '2026-01-01T10:00:00Z');
    expect(await objectEvents(kube.kubeConfig(), 'pakaura', 'api-1')).toEqual([
      'Normal Scheduled: Scheduled happened',
      'Normal Started: Started happened',
      'Normal Pulled: Pulled happened',
      'Warning BackOff: BackOff happened (x5)',
    ]);
  });

  it('keeps only the last events', async () => {
    for (let i = 0; i < 12; i++)
      event('api-1', `R${i}`, `2026-01-01T10:00:${String(i).padStart(2, '0')}Z`);
    const events = await objectEvents(kube.kubeConfig(), 'pakaura', 'api-1', 3);
    expect(events).toEqual([
      'Normal R9: R9 happened',
      'Normal R10: R10 happened',
      'Normal R11: R11 happened',
    ]);
  });
});
