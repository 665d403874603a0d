import { join } from 'node:path';
import { API_ROUTES } from '@pakaura/contract';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Json as JsonParser } from '@stoplight/spectral-parsers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app';

const PROJECT = join(import.meta.dirname, '..', '..');
const SEVERITY = ['error', 'warn', 'info', 'hint'];

/**
 * The document client generators and gateways read, linted on every `npm test` as users of the
 * field would: Spectral's OpenAPI rules plus OWASP's API security rules (spectral.ruleset.mjs),
 * and Redocly's recommended rules (redocly.yaml). Any rule turned off is turned off in those
 * files, with the reason beside it.
 */
describe('the served OpenAPI document', { timeout: 120_000 }, () => {
  let ctx: TestApp;
  let served: string;
  beforeAll(async () => {
    ctx = await buildTestApp({
      env: { ENVIRONMENT: 'production', API_URL: 'https://pakaura.example' },
    });
    served = (await ctx.app.inject({ method: 'GET', url: API_ROUTES.openapi })).body;
  });
  afterAll(() => ctx.close());

  it('has no Spectral (oas + OWASP) errors', async () => {
    const { default: ruleset } = await import(join(PROJECT, 'spectral.ruleset.mjs'));
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    const results: ISpectralDiagnostic[] = await spectral.run(new Document(served, JsonParser));
    const lines = results.map(
      (r) => `${SEVERITY[r.severity]} ${r.code} ${r.path.join('.')}: ${r.message}`,
    );
    expect(lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('gives every operation an operationId, a description, and its 401, 429 and 500 answers', () => {
    const document = JSON.parse(served) as {
      paths: Record<
        string,
        Record<
          string,
          {
            operationId?: string;
            description?: string;
            security?: unknown[];
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({ name: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const { name, operation } of operations) {
      expect(operation.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
      expect(operation.description?.length, name).toBeGreaterThan(20);
      expect(operation.responses['500'], name).toBeDefined();
      expect(operation.security, name).toBeDefined();
      if ((operation.security ?? []).length > 0)
        expect(operation.responses['401'], name).toBeDefined();
    }
    for (const limited of [
      'post /api/v1/auth/login',
      'post /api/v1/auth/register',
      'post /api/v1/chat',
      'post /api/v1/auth/password',
    ]) {
      const found = operations.find(({ name }) => name === limited);
      expect(found?.operation.responses['429'], limited).toMatchObject({
        headers: { 'Retry-After': expect.any(Object), 'RateLimit-Limit': expect.any(Object) },
      });
    }
    for (const open of [
      'post /api/v1/auth/login',
      'post /api/v1/auth/register',
      'get /api/v1/health',
    ])
      expect(operations.find(({ name }) => name === open)?.operation.security, open).toEqual([]);
  });

  it('has no Redocly (recommended) errors', async () => {
    const config = await loadConfig({ configPath: join(PROJECT, 'redocly.yaml') });
    const problems = await lintFromString({
      source: served,
      absoluteRef: join(PROJECT, 'openapi.json'),
      config,
    });
    const lines = problems.map(
      (p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`,
    );
    expect(lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });
});
