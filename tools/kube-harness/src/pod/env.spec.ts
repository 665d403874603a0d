import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { expandCommand, resolveEnv, type ConfigSource } from './env';
import { ContainerConfigError } from './errors';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const pod: V1Pod = {
  metadata: { name: 'api-1', namespace: 'pakaura', uid: 'u1', labels: { app: 'api' } },
};
const source: ConfigSource = {
  secret: (ns, name) =>
    ns === 'pakaura' && name === 'pakaura-secrets'
      ? { data: { DB_PASSWORD: b64('s3cret'), JWT_SECRET: b64('j'.repeat(40)) } }
      : undefined,
  configMap: (ns, name) =>
    ns === 'pakaura' && name === 'pakaura-config'
      ? { data: { DB_HOST: 'postgresql-0.postgresql', DB_PORT: '5432', 'bad-key!': 'x' } }
      : undefined,
};
const container = (spec: Partial<V1Container>): V1Container => ({
  name: 'api',
  image: 'api:1',
  ...spec,
});

function configError(run: () => unknown): ContainerConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContainerConfigError) return error;
    throw error;
  }
  throw new Error('expected a ContainerConfigError');
}

describe('resolveEnv', () => {
  it('loads envFrom first, then env in order, expanding $(VAR) from what came before', () => {
    const env = resolveEnv(
      pod,
      container({
        envFrom: [{ configMapRef: { name: 'pakaura-config' } }],
        env: [
          {
            name: 'DB_PASSWORD',
            valueFrom: { secretKeyRef: { name: 'pakaura-secrets', key: 'DB_PASSWORD' } },
          },
          { name: 'URL', value: 'postgres://app:$(DB_PASSWORD)@$(DB_HOST):$(DB_PORT)/$(LATER)' },
          { name: 'LATER', value: 'db' },
        ],
      }),
      source,
    );
    expect(env.get('URL')).toBe('postgres://app:s3cret@postgresql-0.postgresql:5432/$(LATER)');
    expect(env.get('DB_PASSWORD')).toBe('s3cret');
  });

  it('skips envFrom keys that are not valid variable names, as the kubelet does', () => {
    const env = resolveEnv(
      pod,
      container({ envFrom: [{ configMapRef: { name: 'pakaura-config' } }] }),
      source,
    );
    expect(env.has('bad-key!')).toBe(false);
  });

  it('fails a missing Secret key with the kubelet CreateContainerConfigError message', () => {
    const error = configError(() =>
      resolveEnv(
        pod,
        container({
          env: [
            {
              name: 'P',
              valueFrom: { secretKeyRef: { name: 'pakaura-secrets', key: 'DB_PASSWROD' } },
            },
          ],
        }),
        source,
      ),
    );
    expect(error.reason).toBe('CreateContainerConfigError');
    expect(error.message).toBe("couldn't find key DB_PASSWROD in Secret pakaura/pakaura-secrets");
  });

  it('fails a missing ConfigMap key and a missing Secret with their own messages', () => {
    expect(
      configError(() =>
        resolveEnv(
          pod,
          container({
            env: [
              {
                name: 'X',
                valueFrom: { configMapKeyRef: { name: 'pakaura-config', key: 'NOPE' } },
              },
            ],
          }),
          source,
        ),
      ).message,
    ).toBe("couldn't find key NOPE in ConfigMap pakaura/pakaura-config");
    expect(
      configError(() =>
        resolveEnv(
          pod,
          container({
            env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'other', key: 'K' } } }],
          }),
          source,
        ),
      ).message,
    ).toBe('secret "other" not found');
  });

  it('leaves out an optional key or object that does not exist', () => {
    const env = resolveEnv(
      pod,
      container({
        env: [
          {
            name: 'COHERE_API_KEY',
            valueFrom: {
              secretKeyRef: { name: 'pakaura-secrets', key: 'COHERE_API_KEY', optional: true },
            },
          },
          {
            name: 'Y',
            valueFrom: { configMapKeyRef: { name: 'absent', key: 'K', optional: true } },
          },
        ],
        envFrom: [{ secretRef: { name: 'absent', optional: true } }],
      }),
      source,
    );
    expect([...env.keys()]).toEqual([]);
  });

  it('reads the pod through fieldRef', () => {
    const env = resolveEnv(
      pod,
      container({
        env: [
          { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
          { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        ],
      }),
      source,
      { podIP: '198.18.0.7' },
    );
    expect(Object.fromEntries(env)).toEqual({ POD: 'api-1', APP: 'api', IP: '198.18.0.7' });
  });
});

describe('expandCommand', () => {
  it('expands command and args from the container environment', () => {
    expect(expandCommand(['echo', '$(A)', '$$(A)'], new Map([['A', '1']]))).toEqual([
      'echo',
      '1',
      '$(A)',
    ]);
  });
});
