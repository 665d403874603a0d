import { describe, expect, it } from 'vitest';
import { parseVersion, satisfies, shortVersion } from './version';

describe('versions', () => {
  it('reads the version out of what each tool prints', () => {
    expect(parseVersion('v3.16.2+g13654a5')).toEqual([3, 16, 2]);
    expect(parseVersion('Docker version 27.3.1, build ce12230')).toEqual([27, 3, 1]);
    expect(parseVersion('kind v0.24.0 go1.22.6 linux/amd64')).toEqual([0, 24, 0]);
    expect(parseVersion('1.34')).toEqual([1, 34, 0]);
    expect(parseVersion('unknown')).toBeUndefined();
  });

  it('compares numerically, part by part', () => {
    expect(satisfies('v1.29.0', '1.29.0')).toBe(true);
    expect(satisfies('v1.100.0', '1.29.0')).toBe(true);
    expect(satisfies('v1.28.15', '1.29.0')).toBe(false);
    expect(satisfies('23.0.6', '24.0.0')).toBe(false);
    expect(satisfies('garbage', '1.0.0')).toBe(false);
  });

  it('shows requirements as major.minor', () => {
    expect(shortVersion('3.14.0')).toBe('3.14');
  });
});
