'use client';

import type { User } from '@pakaura/contract';
import { useCallback, useRef, useState } from 'react';
import { isUnauthorized } from '@/app/lib/api-error';

/**
 * Runs API calls on behalf of a signed-in person. When the session has expired, the call waits
 * (its form keeps what was typed) while the person signs in again, then runs once more.
 */
export function useSessionGuard(user: User) {
  const [expired, setExpired] = useState(false);
  const waiting = useRef<Array<() => void>>([]);

  const authed = useCallback(function run<T>(operation: () => Promise<T>): Promise<T> {
    return operation().catch((error: unknown) => {
      if (!isUnauthorized(error)) throw error;
      return new Promise<T>((resolve, reject) => {
        waiting.current.push(() => run(operation).then(resolve, reject));
        setExpired(true);
      });
    });
  }, []);

  const resume = useCallback(
    (signedIn: User) => {
      if (signedIn.id !== user.id) {
        // Another account: nothing on screen belongs to it.
        window.location.assign('/');
        return;
      }
      setExpired(false);
      const queue = waiting.current;
      waiting.current = [];
      for (const retry of queue) retry();
    },
    [user.id],
  );

  return { expired, authed, resume };
}
