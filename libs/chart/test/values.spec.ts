import { RELEASE_NAME } from '@pakaura/contract';
import { bundledBinary, run, type HelmMajor } from '@pakaura/deploy-kube/process';
import type { ChartValues } from '@pakaura/deploy-validate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_DIR, renderChart } from './chart';

/** How each helm names a values key in a schema error: `api.replicas` or `at '/api/replicas'`. */
const keyPath = (major: HelmMajor, path: string) =>
  major === 3 ? `- ${path}:` : `at '/${path.split('.').join('/')}'`;

async function refusal(values: ChartValues, major: HelmMajor): Promise<string> {
  const error = await renderChart(values, major).then(
    () => undefined,
    (e: Error) => e.message,
  );
  if (!error) throw new Error(`helm ${major} accepted ${JSON.stringify(values)}`);
  return error;
}

describe.each<HelmMajor>([3, 4])('values.schema.json with helm %i', (major) => {
  it('refuses a typo in a key, naming the object that has no such key', async () => {
    const message = await refusal({ 'api.replics': 2 }, major);
    expect(message).toContain(
      major === 3
        ? '- api: Additional property replics is not allowed'
        : `at '/api': additional properties 'replics' not allowed`,
    );
  });

  it('refuses a typo in a values file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pakaura-values-')), 'values.yaml');
    writeFileSync(file, 'ingress:\n  hots: tasks.example.com\n');
    const result = await run(
      bundledBinary('helm', major),
      ['template', RELEASE_NAME, CHART_DIR, '-f', file],
      { reject: false },
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/ingress.*hots/);
  });

  it.each([
    ['a wrong type', { 'api.replicas': 'two' }, 'api.replicas'],
    ['a negative replica count', { 'frontend.replicas': -1 }, 'frontend.replicas'],
    ['a missing external database host', { 'postgresql.enabled': false }, 'externalDatabase.host'],
    ['the latest tag', { 'api.image.tag': 'latest' }, 'api.image.tag'],
    [
      'a quantity that is not one',
      { 'api.resources.limits.memory': 'lots' },
      'api.resources.limits.memory',
    ],
    [
      'a pull policy that does not exist',
      { 'frontend.image.pullPolicy': 'Sometimes' },
      'frontend.image.pullPolicy',
    ],
    [
      'an AI temperature the API refuses',
      { 'api.config.aiTemperature': 1.5 },
      'api.config.aiTemperature',
    ],
    [
      "the task list's checkpoint JWT secret (`test`, 4 characters)",
      { 'secrets.jwtSecret': 'test' },
      'secrets.jwtSecret',
    ],
    [
      'a 31-character JWT secret, in development too',
      { 'secrets.jwtSecret': 'x'.repeat(31), 'api.config.environment': 'development' },
      'secrets.jwtSecret',
    ],
  ])('refuses %s with the key path', async (_what, values, path) => {
    expect(await refusal(values, major)).toContain(keyPath(major, path));
  });

  it('says how long a JWT secret must be', async () => {
    expect(await refusal({ 'secrets.jwtSecret': 'x' }, major)).toMatch(
      major === 3 ? /greater than or equal to 32/ : /minLength: got 1, want 32/,
    );
  });

  it.each([
    ['an empty JWT secret (keep the one in the cluster, or generate one)', ''],
    ['a 32-character JWT secret', 'x'.repeat(32)],
    ['what `openssl rand -base64 32` prints (44 characters)', 'k'.repeat(43) + '='],
  ])('accepts %s', async (_what, jwtSecret) => {
    await expect(renderChart({ 'secrets.jwtSecret': jwtSecret }, major)).resolves.toBeDefined();
  });
});

describe('values that contradict each other fail at render time, naming the keys and the fix', () => {
  it.each([
    [
      { 'secrets.existingSecret': 'mine', 'secrets.jwtSecret': 'x'.repeat(40) },
      'secrets.existingSecret names a Secret to use, so secrets.dbPassword, secrets.jwtSecret and secrets.cohereApiKey must stay empty',
    ],
    [
      { 'api.replicas': 4, 'api.autoscaling.maxReplicas': 3 },
      'api.autoscaling.maxReplicas (3) is below api.replicas (4)',
    ],
    [
      { 'externalDatabase.host': 'db.example.com' },
      'externalDatabase.host is set but postgresql.enabled=true runs a database in the release',
    ],
    [
      { 'api.enabled': false, 'frontend.enabled': false, 'migration.enabled': false },
      'ingress.enabled=true but api.enabled and frontend.enabled are both false',
    ],
  ])('%j', async (values, message) => {
    expect(await refusal(values, 3)).toContain(message);
  });
});
