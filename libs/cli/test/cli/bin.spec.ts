import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'pakaura.cjs');

function pakaura(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // FORCE_COLOR (set by Nx) would override NO_COLOR with a warning on stderr.
  const { FORCE_COLOR: _forced, ...env } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr });
      },
    );
  });
}

describe('the pakaura bin', () => {
  it('runs the built CLI: help lists the commands, a typo exits 2', async () => {
    const help = await pakaura(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}setup +Everything/m);
    expect(help.stdout).toMatch(/^ {2}destroy +Remove the release/m);

    const typo = await pakaura(['staus']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('pakaura: Unknown command "staus". Run: pakaura help\n');
  }, 120_000);
});
