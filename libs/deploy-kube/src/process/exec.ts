import { execa } from 'execa';

/**
 * The only module that starts processes (with exec-sync.ts for the one synchronous caller).
 * Everything else calls `run()`; tests that cannot put a fake program on PATH replace this module
 * (vi.mock) instead of reaching into callers.
 */
export const spawnProcess = execa;
