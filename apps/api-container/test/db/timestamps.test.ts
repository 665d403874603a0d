import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../../src/db/timestamps';

describe('isoTimestamp', () => {
  it.each([
    ['2030-01-09 15:00:00.123456+00', '2030-01-09T15:00:00.123Z'],
    ['2030-01-09 15:00:00.1+00', '2030-01-09T15:00:00.100Z'],
    ['2030-01-09 15:00:00+00', '2030-01-09T15:00:00.000Z'],
    ['2030-01-09 16:30:00.5+01:30', '2030-01-09T15:00:00.500Z'],
    ['2030-01-09 10:00:00-05', '2030-01-09T15:00:00.000Z'],
  ])('turns %s into %s', (text, iso) => {
    expect(isoTimestamp(text)).toBe(iso);
  });
});
