import { describe, expect, it } from 'vitest';
import { labelMatcher, fieldMatcher, SelectorError } from './selectors';
import { ObjectStore, type StoreEvent } from './store';

const obj = (name: string, labels: Record<string, string> = {}, extra: object = {}) => ({
  metadata: { name, namespace: 'n', labels },
  ...extra,
});

describe('selectors', () => {
  it('matches label equality, inequality, sets and existence', () => {
    const o = obj('a', { app: 'api', tier: 'web' });
    expect(labelMatcher('app=api,tier!=db')(o)).toBe(true);
    expect(labelMatcher('app in (api, frontend),!missing')(o)).toBe(true);
    expect(labelMatcher('app notin (api)')(o)).toBe(false);
    expect(labelMatcher('tier')(o)).toBe(true);
    expect(() => labelMatcher('app===x')).toThrow(SelectorError);
  });

  it('matches fields by dotted path', () => {
    const event = obj('e', {}, { involvedObject: { name: 'api-1' } });
    expect(fieldMatcher('involvedObject.name=api-1')(event)).toBe(true);
    expect(fieldMatcher('metadata.name!=e')(event)).toBe(false);
  });
});

describe('ObjectStore', () => {
  it('records a change only when an object really changed, and replays from a revision', () => {
    const store = new ObjectStore();
    store.put('pods', obj('a', { v: '1' }));
    const listed = store.revision;
    store.put('pods', obj('a', { v: '1' }));
    expect(store.revision).toBe(listed);
    store.put('pods', obj('a', { v: '2' }));
    store.remove('pods', 'n', 'a');
    const seen: StoreEvent[] = [];
    store.watch(listed, (event) => seen.push(event));
    expect(seen.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(store.list('pods')).toEqual([]);
  });
});
