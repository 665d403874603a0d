import { API_ROUTES, APP_VERSION, FRONTEND_HEALTH_PATH } from '@pakaura/contract/browser';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const appDir = path.resolve(import.meta.dirname, '..');
const contractSrc = path.resolve(appDir, '../../libs/contract/src');

describe('the frontend wired to the contract', () => {
  it('serves its health route at the contract path, without the API', async () => {
    const routeFile = path.join(appDir, 'app', FRONTEND_HEALTH_PATH, 'route.ts');
    expect(existsSync(routeFile)).toBe(true);

    const { GET } = await import(routeFile);
    const response: Response = await GET();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: APP_VERSION });
  });

  it('forwards every API route the browser calls (all under /api) for every method', async () => {
    const browserRoutes = Object.entries(API_ROUTES).filter(([name]) => name !== 'metrics');
    for (const [, route] of browserRoutes) expect(route.startsWith('/api/')).toBe(true);

    const forwarder = await import(path.join(appDir, 'app/api/[...path]/route.ts'));
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(typeof forwarder[method], method).toBe('function');
    }
  });

  it('keeps TypeBox out of the contract entry that browser code imports', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, spec] of source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)) {
        if (!spec) continue;
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), `${spec}.ts`));
        else packages.add(spec);
      }
    };
    visit(path.join(contractSrc, 'browser.ts'));

    expect(seen.size).toBeGreaterThan(1);
    expect([...packages]).toEqual([]);
  });
});

describe('the server start-up check', () => {
  const run = promisify(execFile);
  const checkConfig = (apiUrl: string) =>
    run(process.execPath, ['--import', 'tsx', 'test/run-check-config.ts', apiUrl], { cwd: appDir });

  it('stops the process with one line that names API_URL and the fix', async () => {
    const failure = await checkConfig('http://api:8000/api/v1').catch((error) => error);

    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split('\n')).toEqual([
      'pakaura-frontend: API_URL="http://api:8000/api/v1" ends with an API path: set it to the API\'s base URL (http://api:8000); the frontend appends /api/v1/... itself',
    ]);
  });

  it('lets a good API_URL through', async () => {
    await expect(checkConfig('http://api:8000')).resolves.toMatchObject({ stderr: '' });
  });
});
