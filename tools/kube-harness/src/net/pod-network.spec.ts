import { describe, expect, it } from 'vitest';
import { AddressPool } from './pod-network';

describe('AddressPool', () => {
  it('hands out 198.18.0.x round robin, never at once an address just freed', () => {
    const pool = new AddressPool();
    expect([pool.allocate('a'), pool.allocate('b')]).toEqual(['198.18.0.2', '198.18.0.3']);
    pool.release('a');
    expect(pool.allocate('c')).toBe('198.18.0.4');
  });

  it('wraps around to the first free address once the range is used', () => {
    const pool = new AddressPool();
    for (let i = 2; i <= 199; i += 1) pool.allocate(`p${i}`);
    pool.release('p5');
    expect(pool.allocate('again')).toBe('198.18.0.5');
    expect(() => pool.allocate('one-too-many')).toThrow(/No pod address left/);
  });
});
