import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line @nx/enforce-module-boundaries, @typescript-eslint/no-restricted-imports -- the root `npm start` script belongs to no project; the frontend is one of its services
import { SERVICES, buildArgs } from '../../../scripts/start.mjs';

const appDir = path.resolve(import.meta.dirname, '..');
const web = SERVICES[SERVICES.length - 1];

describe('npm start', () => {
  it('builds the API and the assembled standalone frontend in one Nx run', () => {
    expect(buildArgs(SERVICES)).toEqual([
      'run-many',
      '-t',
      'build',
      'standalone',
      '--projects=api-container,frontend',
      '--output-style=static',
    ]);
    const project = JSON.parse(readFileSync(path.join(appDir, 'project.json'), 'utf8'));
    expect(project.targets.standalone.outputs).toEqual(['{workspaceRoot}/dist/apps/frontend']);
    expect(web.args).toEqual(['dist/apps/frontend/apps/frontend/server.js']);
  });

  it('starts the frontend last, on this machine only, pointed at the API it started first', () => {
    expect(web.name).toBe('web');
    expect(SERVICES[0].name).toBe('api');
    expect(web.env({ api: 'http://127.0.0.1:8000' })).toMatchObject({
      API_URL: 'http://127.0.0.1:8000',
      HOSTNAME: '127.0.0.1',
    });
  });

  it('takes the printed URL from the line the standalone server prints once it listens', () => {
    expect(web.ready.exec('- Local:         http://127.0.0.1:3000')?.[1]).toBe(
      'http://127.0.0.1:3000',
    );
    expect(web.ready.exec('▲ Next.js 16.4.6')).toBeNull();
  });
});
