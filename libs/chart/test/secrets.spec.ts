import { K8S_NAMES, SECRET_KEYS } from '@pakaura/contract';
import { describe, expect, it } from 'vitest';
import { find, renderChart } from './chart';
import { podSpec, type Container } from './workloads';

const decode = (data: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
  );

function secretData(objects: Awaited<ReturnType<typeof renderChart>>['objects']) {
  return decode(find(objects, 'Secret', K8S_NAMES.secret)['data'] as Record<string, string>);
}

/** Every container of every pod in a render, with the object it belongs to. */
function allContainers(objects: Awaited<ReturnType<typeof renderChart>>['objects']): Container[] {
  return objects.flatMap((m) => {
    if (!['Deployment', 'StatefulSet', 'Job', 'Pod'].includes(String(m.object['kind']))) return [];
    const pod = podSpec(m.object);
    return [...(pod.initContainers ?? []), ...pod.containers];
  });
}

describe('the chart Secret', () => {
  it('generates strong random values on a first install when none are given', async () => {
    const { objects } = await renderChart();
    const data = secretData(objects);
    expect(Object.keys(data).sort()).toEqual([...SECRET_KEYS].sort());
    expect(data['DB_PASSWORD']).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(data['JWT_SECRET']).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(data['COHERE_API_KEY']).toBe('');
  });

  it('generates different values for different installs', async () => {
    const first = secretData((await renderChart({ 'api.port': 8000 })).objects);
    const second = secretData((await renderChart({ 'frontend.port': 3000 })).objects);
    expect(first['JWT_SECRET']).not.toBe(second['JWT_SECRET']);
    expect(first['DB_PASSWORD']).not.toBe(second['DB_PASSWORD']);
  });

  it('uses the values given, and survives uninstall so the database password never changes', async () => {
    const { objects } = await renderChart({
      'secrets.dbPassword': 'given-db-password',
      'secrets.jwtSecret': 'given-jwt-secret-of-at-least-32-chars',
      'secrets.cohereApiKey': 'given-cohere-key',
    });
    expect(secretData(objects)).toEqual({
      DB_PASSWORD: 'given-db-password',
      JWT_SECRET: 'given-jwt-secret-of-at-least-32-chars',
      COHERE_API_KEY: 'given-cohere-key',
    });
    const secret = find(objects, 'Secret', K8S_NAMES.secret);
    expect(secret['metadata']).toMatchObject({
      annotations: { 'helm.sh/resource-policy': 'keep' },
    });
  });

  it('is not rendered with existingSecret, and every reference then names that Secret', async () => {
    const { objects } = await renderChart({ 'secrets.existingSecret': 'operator-secrets' });
    expect(objects.filter((m) => m.object['kind'] === 'Secret')).toEqual([]);
    const refs = allContainers(objects).flatMap((c) =>
      (c.env ?? []).flatMap((e) =>
        e.valueFrom?.secretKeyRef ? [e.valueFrom.secretKeyRef.name] : [],
      ),
    );
    expect(new Set(refs)).toEqual(new Set(['operator-secrets']));
  });

  it('reaches pods only through secretKeyRef, never a ConfigMap or an inline value', async () => {
    const given = 'a-distinctive-secret-value-1234567890';
    const { objects } = await renderChart({
      'secrets.jwtSecret': given,
      'secrets.dbPassword': given,
    });
    const notSecrets = objects.filter((m) => m.object['kind'] !== 'Secret');
    expect(JSON.stringify(notSecrets.map((m) => m.object))).not.toContain(given);
    const inline = allContainers(objects).flatMap((c) =>
      (c.env ?? []).filter(
        (e) => (SECRET_KEYS as readonly string[]).includes(e.name) && e.value !== undefined,
      ),
    );
    expect(inline).toEqual([]);
  });

  it('marks COHERE_API_KEY optional, so an existing Secret without it still starts the API', async () => {
    const { objects } = await renderChart({ 'secrets.existingSecret': 'operator-secrets' });
    const api = podSpec(find(objects, 'Deployment', K8S_NAMES.api)).containers[0];
    const cohere = api.env?.find((e) => e.name === 'COHERE_API_KEY');
    expect(cohere?.valueFrom?.secretKeyRef).toEqual({
      name: 'operator-secrets',
      key: 'COHERE_API_KEY',
      optional: true,
    });
  });
});
