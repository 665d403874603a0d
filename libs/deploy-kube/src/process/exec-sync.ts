import { spawnSync } from 'node:child_process';

export interface SyncResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The synchronous twin of exec.ts, for fetching the pinned helm and kubectl on first use: that
 * code runs at test-module load and in `tsx -e` one-liners (CommonJS), where execa, an ES module,
 * cannot be required. Argv array, never a shell; never throws on a non-zero exit.
 */
export function spawnProcessSync(tool: string, args: readonly string[]): SyncResult {
  const result = spawnSync(tool, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    return {
      exitCode: null,
      stdout: '',
      stderr: `${tool} could not start: ${result.error.message}`,
    };
  }
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}
