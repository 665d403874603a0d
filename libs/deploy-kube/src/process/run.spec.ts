import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolFailedError, ToolNotFoundError } from './errors';
import { run } from './run';

function fakeTool(name: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pakaura-run-'));
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return dir;
}

describe('run', () => {
  it('runs a real process with an argv array and returns its output', async () => {
    const result = await run(process.execPath, [
      '-e',
      'process.stdout.write(process.argv[1])',
      'a b; c',
    ]);
    expect(result).toEqual({ stdout: 'a b; c', stderr: '', exitCode: 0 });
  });

  it('says how to install a program that is not on PATH', async () => {
    const error = await run('pakaura-no-such-tool', ['version']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolNotFoundError);
    expect((error as Error).message).toMatch(
      /pakaura-no-such-tool was not found on PATH\. Install/,
    );
  });

  it('names the command, its stderr and the hint when a program fails, secrets redacted', async () => {
    const dir = fakeTool('helm', 'echo "Error: bad password hunter22" >&2; exit 3');
    const error = await run(join(dir, 'helm'), ['upgrade', '--install', 'x'], {
      secrets: ['hunter22'],
      hint: 'Run: nx run chart:lint',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolFailedError);
    expect((error as ToolFailedError).exitCode).toBe(3);
    expect((error as Error).message).toBe(
      `${join(dir, 'helm')} upgrade failed: Error: bad password ***\nRun: nx run chart:lint`,
    );
  });

  it('streams and captures the output in tee mode, so a failure still names its cause', async () => {
    const dir = fakeTool(
      'builder',
      'echo step 1; echo "ERROR: failed to solve: no space" >&2; exit 1',
    );
    const error = await run(join(dir, 'builder'), ['build'], { stdio: 'tee' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ToolFailedError);
    expect((error as ToolFailedError).stderr).toBe('ERROR: failed to solve: no space');
    const ok = await run(process.execPath, ['-e', 'console.log("built")'], { stdio: 'tee' });
    expect(ok.stdout).toBe('built');
  });

  it('returns a failed result instead of throwing when asked to', async () => {
    const dir = fakeTool('probe', 'echo nope >&2; exit 1');
    const result = await run(join(dir, 'probe'), [], { reject: false });
    expect(result).toEqual({ stdout: '', stderr: 'nope', exitCode: 1 });
  });

  it('gives a cancelled program the time it asks for to clean up, and kills it after that', async () => {
    const cancelAfterCleanup = async (forceKillAfterMs: number): Promise<boolean> => {
      const marker = join(mkdtempSync(join(tmpdir(), 'pakaura-run-')), 'cleaned');
      const dir = fakeTool(
        'slow-cleanup',
        `trap 'kill $!; sleep 1; echo done > "${marker}"; exit 1' TERM; sleep 30 >/dev/null 2>&1 & wait`,
      );
      const controller = new AbortController();
      const running = run(join(dir, 'slow-cleanup'), [], {
        signal: controller.signal,
        forceKillAfterMs,
      }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      expect(((await running) as Error).message).toMatch(/was cancelled/);
      return existsSync(marker);
    };
    expect(await cancelAfterCleanup(10_000)).toBe(true);
    expect(await cancelAfterCleanup(100)).toBe(false);
  });
});
