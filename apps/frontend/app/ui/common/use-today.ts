'use client';

import { useSyncExternalStore } from 'react';
import { localDate } from '@/app/lib/format';

const subscribe = () => () => undefined;

/**
 * Today's date in the browser's time zone, or null while rendering on the server and hydrating:
 * the server cannot know the person's day, and a guess would mismatch the browser's render.
 */
export function useToday(): string | null {
  return useSyncExternalStore(subscribe, localDate, () => null);
}
