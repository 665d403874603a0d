import { describe, expect, it } from 'vitest';
import { bytes, milliCpu } from '../manifests/quantity';
import { resourceFlags } from './resources';

describe('resource quantities', () => {
  it('reads CPU in millicores and memory in bytes', () => {
    expect([milliCpu('500m'), milliCpu('1'), milliCpu(0.25)]).toEqual([500, 1000, 250]);
    expect([bytes('512Mi'), bytes('1G'), bytes('128974848'), bytes('1Ki')]).toEqual([
      536870912, 1e9, 128974848, 1024,
    ]);
    expect(() => bytes('lots')).toThrow(/Not a memory quantity/);
  });
});

describe('resourceFlags', () => {
  it('sets the CPU limit as a quota, the request as shares, and memory without extra swap', () => {
    expect(
      resourceFlags({
        requests: { cpu: '100m', memory: '192Mi' },
        limits: { cpu: '500m', memory: '512Mi' },
      }),
    ).toEqual([
      '--cpu-shares',
      '102',
      '--cpus',
      '0.5',
      '--memory',
      '536870912',
      '--memory-swap',
      '536870912',
    ]);
  });

  it('sets nothing for a container without resources', () => {
    expect(resourceFlags(undefined)).toEqual([]);
  });
});
