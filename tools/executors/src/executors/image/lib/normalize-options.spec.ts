import { describe, expect, it } from 'vitest';
import type { ImageExecutorSchema } from '../schema';
import { normalizeOptions } from './normalize-options';

const context = { root: '/ws', projectName: 'api-container' };
const normalize = (options: Partial<ImageExecutorSchema>, env: NodeJS.ProcessEnv = {}) =>
  normalizeOptions({ app: 'api', ...options }, context, env);

describe('normalizeOptions', () => {
  it('defaults to minikube, the docker client on PATH and the workspace as build context', () => {
    expect(normalize({})).toEqual({
      app: 'api',
      project: 'api-container',
      workspaceRoot: '/ws',
      target: 'minikube',
      repository: 'pakaura-api',
      registry: undefined,
      nodeImage: undefined,
      dockerfile: undefined,
      context: '/ws',
      network: undefined,
      minikubeProfile: 'minikube',
      kindCluster: 'kind',
      docker: 'docker',
    });
  });

  it('takes the target from the cluster provider when none is set: kind loads into kind', () => {
    expect(
      normalize({}, { PAKAURA_CLUSTER_PROVIDER: 'kind', PAKAURA_KIND_CLUSTER: 'dev' }),
    ).toMatchObject({
      target: 'kind',
      kindCluster: 'dev',
    });
    expect(normalize({}, { PAKAURA_CLUSTER_PROVIDER: 'minikube' }).target).toBe('minikube');
    expect(normalize({ target: 'docker' }, { PAKAURA_CLUSTER_PROVIDER: 'kind' }).target).toBe(
      'docker',
    );
  });

  it('takes unset options from PAKAURA_* variables, and set options over them', () => {
    const env = {
      PAKAURA_IMAGE_TARGET: 'docker',
      PAKAURA_NODE_IMAGE: 'pakaura-node-base:22',
      PAKAURA_DOCKER: '/usr/bin/docker',
      PAKAURA_DOCKER_NETWORK: 'host',
      PAKAURA_MINIKUBE_PROFILE: 'ci',
      PAKAURA_KIND_CLUSTER: 'dev',
    };
    expect(normalize({}, env)).toMatchObject({
      target: 'docker',
      nodeImage: 'pakaura-node-base:22',
      docker: '/usr/bin/docker',
      network: 'host',
      minikubeProfile: 'ci',
      kindCluster: 'dev',
    });
    expect(normalize({ target: 'kind', network: 'default' }, env)).toMatchObject({
      target: 'kind',
      network: 'default',
    });
  });

  it('qualifies the repository with the registry for target registry', () => {
    expect(normalize({ target: 'registry', registry: 'localhost:5000/team/' })).toMatchObject({
      repository: 'localhost:5000/team/pakaura-api',
      registry: 'localhost:5000/team',
    });
    expect(
      normalize({}, { PAKAURA_IMAGE_TARGET: 'registry', PAKAURA_REGISTRY: 'registry.local' }),
    ).toMatchObject({ repository: 'registry.local/pakaura-api' });
  });

  it('resolves a relative build context against the workspace root', () => {
    expect(normalize({ context: 'apps/api-container' }).context).toBe('/ws/apps/api-container');
  });

  it.each([
    [
      { target: 'registry' },
      'target registry needs a registry: pass --registry=localhost:5000 or set PAKAURA_REGISTRY.',
    ],
    [
      { registry: 'localhost:5000' },
      'A registry (localhost:5000) is only used with target registry (the target is minikube): add --target=registry or drop the registry.',
    ],
    [
      { target: 'registry', registry: 'https://localhost:5000' },
      'registry must look like host[:port][/namespace], e.g. localhost:5000, without a scheme (got "https://localhost:5000").',
    ],
    [
      { target: 'podman' },
      'target must be one of docker, minikube, kind, registry (got "podman", from --target or PAKAURA_IMAGE_TARGET).',
    ],
    [{ app: 'worker' }, 'app must be one of api, frontend (got "worker").'],
    [
      { app: 'frontend' },
      'The frontend image is built from project frontend, not api-container: fix the image target\'s "app" option.',
    ],
  ])('rejects %j with one sentence that says what to change', (options, message) => {
    expect(() => normalize(options as Partial<ImageExecutorSchema>)).toThrow(message);
  });
});
