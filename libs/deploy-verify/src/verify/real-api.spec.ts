import { API_ROUTES } from '@pakaura/contract';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PakauraCluster } from '@pakaura/deploy-kube/testing';
import { runVerify } from './runner';

const WORKSPACE = join(__dirname, '../../../..');
let api: ChildProcess;
let apiPort: number;
let apiLog = '';

/** The real API from source (tsx), on a throwaway PGlite database, listening on 127.0.0.1. */
beforeAll(async () => {
  apiPort = await freePort();
  api = spawn(
    process.execPath,
    [
      join(WORKSPACE, 'node_modules/tsx/dist/cli.mjs'),
      '--tsconfig',
      'apps/api-container/tsconfig.app.json',
      'apps/api-container/src/server.ts',
    ],
    {
      cwd: WORKSPACE,
      env: {
        ...process.env,
        PORT: String(apiPort),
        HOST: '127.0.0.1',
        PGLITE_DATA_DIR: 'memory://',
        ENVIRONMENT: 'test',
        DATABASE_URL: '',
        DB_HOST: '',
        COHERE_API_KEY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  api.stdout?.on('data', (d) => (apiLog += d));
  api.stderr?.on('data', (d) => (apiLog += d));
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${apiPort}${API_ROUTES.health}`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    if (api.exitCode !== null) throw new Error(`The API exited: ${apiLog.slice(-500)}`);
    await sleep(250);
  }
  throw new Error(`The API did not turn healthy within 150 s: ${apiLog.slice(-500)}`);
}, 180_000);

afterAll(() => {
  api?.kill('SIGTERM');
});

describe('verify against the real API behind the fake cluster', () => {
  it('passes api-health, chatbot and persistence with the real API, its PGlite database and intent engine', async () => {
    const cluster = await PakauraCluster.start({ apiPort });
    try {
      const report = await runVerify({
        ...cluster.verifyOptions(),
        only: ['api-health', 'chatbot', 'persistence'],
      });
      const failures = report.checks.filter((c) => c.status !== 'passed');
      expect(failures.map((c) => `${c.name}: ${c.message}`)).toEqual([]);
      const chat = report.checks.find((c) => c.name === 'chatbot');
      expect(chat?.evidence.filter((e) => e.startsWith('step '))).toHaveLength(4);
      expect(report.checks[0].evidence[0]).toMatch(
        /-> 200 \{"status":"healthy","database":"ok","version":"4\.0\.0","engine":"pglite"\}/,
      );
    } finally {
      await cluster.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
