import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { imagePresent, qualified } from './image-presence';

const base = {
  docker: 'docker',
  kindCluster: 'kind',
  minikubeProfile: 'minikube',
  registry: undefined as string | undefined,
};
const image = (ref: string) => ({
  ref,
  id: 'sha256:abc',
  created: '2026-01-01T00:00:00Z',
  size: 1,
});

describe('image presence', () => {
  let sandbox: FakeSandbox;
  let restore: () => void;
  beforeEach(() => {
    sandbox = createFakeSandbox();
    restore = sandbox.apply();
  });
  afterEach(() => {
    restore();
    sandbox.dispose();
  });

  it('finds a tag in the local daemon, and only there', async () => {
    sandbox.state.saveImage('local', image('pakaura-api:4.0.0-aaa'));
    const options = { ...base, target: 'docker' as const };
    expect(await imagePresent(options, 'pakaura-api:4.0.0-aaa', {})).toBe(true);
    expect(await imagePresent(options, 'pakaura-api:4.0.0-bbb', {})).toBe(false);
  });

  it("looks in minikube's daemon when given its environment", async () => {
    await sandbox.exec('minikube', ['start']);
    sandbox.state.saveImage('minikube/minikube', image('pakaura-api:4.0.0-aaa'));
    const env = { DOCKER_HOST: 'tcp://127.0.0.1:2376', MINIKUBE_ACTIVE_DOCKERD: 'minikube' };
    const options = { ...base, target: 'minikube' as const };
    expect(await imagePresent(options, 'pakaura-api:4.0.0-aaa', env)).toBe(true);
    expect(await imagePresent({ ...base, target: 'docker' }, 'pakaura-api:4.0.0-aaa', {})).toBe(
      false,
    );
  });

  it('asks the kind node, not the local daemon', async () => {
    await sandbox.exec('kind', ['create', 'cluster', '--name', 'dev']);
    sandbox.state.saveImage('local', image('pakaura-api:4.0.0-aaa'));
    const options = { ...base, target: 'kind' as const, kindCluster: 'dev' };
    expect(await imagePresent(options, 'pakaura-api:4.0.0-aaa', {})).toBe(false);
    sandbox.state.saveImage('kind/dev', image('pakaura-api:4.0.0-aaa'));
    expect(await imagePresent(options, 'pakaura-api:4.0.0-aaa', {})).toBe(true);
  });

  it('names a kind cluster that does not exist', async () => {
    const options = { ...base, target: 'kind' as const, kindCluster: 'gone' };
    await expect(imagePresent(options, 'pakaura-api:1', {})).rejects.toThrow(
      'kind cluster "gone" has no node gone-control-plane: create it with kind create cluster --name gone',
    );
  });

  it('asks the registry for a pushed tag', async () => {
    sandbox.state.saveImage(
      `registry/${encodeURIComponent('localhost:5000')}`,
      image('localhost:5000/pakaura-api:4.0.0-aaa'),
    );
    const options = { ...base, target: 'registry' as const, registry: 'localhost:5000' };
    expect(await imagePresent(options, 'localhost:5000/pakaura-api:4.0.0-aaa', {})).toBe(true);
    expect(await imagePresent(options, 'localhost:5000/pakaura-api:4.0.0-bbb', {})).toBe(false);
  });

  it('reports a Docker engine that does not answer, with how to start one', async () => {
    sandbox.configure({ dockerEngine: 'stopped' });
    const error = (await imagePresent({ ...base, target: 'docker' }, 'pakaura-api:1', {}).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      'The Docker engine did not answer: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running. Install Docker Engine 24+ (https://docs.docker.com/engine/install/) and start it.',
    );
  });

  it('qualifies references the way containerd names them', () => {
    expect(qualified('pakaura-api:1')).toBe('docker.io/library/pakaura-api:1');
    expect(qualified('team/pakaura-api:1')).toBe('docker.io/team/pakaura-api:1');
    expect(qualified('localhost:5000/pakaura-api:1')).toBe('localhost:5000/pakaura-api:1');
  });
});
