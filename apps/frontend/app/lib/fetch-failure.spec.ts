import { describe, expect, it } from 'vitest';
import { fetchFailureReason } from '@/app/lib/fetch-failure';

describe('fetchFailureReason', () => {
  it('names the system error of a refused connection', async () => {
    const error = await fetch('http://127.0.0.1:1/').catch((e) => e);
    // Port 1 is on fetch's blocked list: undici refuses it itself, with its own reason.
    expect(fetchFailureReason(error)).toBe('bad port');
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    expect(fetchFailureReason(refused)).toBe('ECONNREFUSED');
  });

  it('says a timeout was a timeout', () => {
    const timeout = Object.assign(new Error('The operation was aborted'), { name: 'TimeoutError' });
    expect(fetchFailureReason(timeout)).toBe('no answer before the deadline');
  });
});
