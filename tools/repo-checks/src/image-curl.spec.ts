import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_ROOT } from './lib/workspace';

/** The API image's /usr/local/bin/curl (T046: `kubectl exec deploy/api -- curl -s ...`). */
const CURL = join(WORKSPACE_ROOT, 'apps/api-container/docker/curl.mjs');
const HEALTH = { status: 'healthy', database: 'ok' };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function curl(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CURL, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/api/v1/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(HEALTH));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5_000).unref();
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"message":"Not Found"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("the API image's minimal curl", () => {
  it("answers the task list's T046 command with the health JSON, scheme optional as with curl", async () => {
    const result = await curl('-s', `${base}/api/v1/health`);
    expect(result).toEqual({ code: 0, stdout: JSON.stringify(HEALTH), stderr: '' });
    expect(JSON.parse(result.stdout).status).toBe('healthy');
    expect((await curl('-s', `http://${base}/api/v1/health`)).stdout).toBe(JSON.stringify(HEALTH));
  });

  it('prints the body of an error answer, or with -f exits 22 without it, as curl does', async () => {
    expect(await curl('-s', `${base}/nope`)).toMatchObject({
      code: 0,
      stdout: '{"message":"Not Found"}',
    });
    const failed = await curl('-fsS', `${base}/nope`);
    expect(failed).toEqual({
      code: 22,
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 404\n',
    });
  });

  it('prints the status line and headers with -i, and writes the body to a file with -o', async () => {
    const included = await curl('-si', `${base}/api/v1/health`);
    expect(included.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(included.stdout).toContain('\r\ncontent-type: application/json\r\n');
    expect(included.stdout.endsWith(`\r\n\r\n${JSON.stringify(HEALTH)}`)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'pakaura-curl-')), 'health.json');
    expect((await curl('-s', '-o', file, `${base}/api/v1/health`)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(HEALTH));
  });

  it("exits with curl's codes when it cannot connect (7) or the answer is too slow (28)", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await curl('-sS', `127.0.0.1:${port}/`);
    expect(refused.code).toBe(7);
    expect(refused.stderr).toMatch(/^curl: \(7\) Failed to connect to 127\.0\.0\.1:\d+/);
    expect(await curl('-s', `127.0.0.1:${port}/`)).toMatchObject({ code: 7, stderr: '' });
    const slow = await curl('-sS', '-m', '1', `${base}/slow`);
    expect(slow).toMatchObject({
      code: 28,
      stderr: 'curl: (28) Operation timed out after 1000 milliseconds\n',
    });
  });

  it('refuses, by name, an option it does not implement, rather than ignoring it', async () => {
    const result = await curl('-X', 'DELETE', `${base}/api/v1/health`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^curl: option -X: is unknown to this minimal curl\nUsage: curl/);
    expect((await curl('--data=x', base)).stderr).toMatch(/option --data: is unknown/);
    expect((await curl('-s')).stderr).toMatch(/no URL specified/);
    expect((await curl('-s', 'ftp://example.com/')).code).toBe(3);
  });

  it('is executable, so the image runs it as `curl` from PATH', () => {
    expect(statSync(CURL).mode & 0o111).toBe(0o111);
    expect(readFileSync(CURL, 'utf8').split('\n')[0]).toBe('#!/usr/local/bin/node');
  });
});
