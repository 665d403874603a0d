import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { publishImage, tagAlias } from './publish-image';

const image = (ref: string) => ({
  ref,
  id: 'sha256:abc',
  created: '2026-01-01T00:00:00Z',
  size: 1,
});

describe('publish image', () => {
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

  it('pushes the content tag and the version tag to the registry', async () => {
    const repository = 'localhost:5000/pakaura-api';
    sandbox.state.saveImage('local', image(`${repository}:4.0.0-aaa`));
    sandbox.state.saveImage('local', image(`${repository}:4.0.0`));
    await publishImage(
      { target: 'registry', docker: 'docker', kindCluster: 'kind', repository },
      '4.0.0-aaa',
    );
    const registry = `registry/${encodeURIComponent('localhost:5000')}`;
    expect(sandbox.state.image(registry, `${repository}:4.0.0-aaa`)).toBeDefined();
    expect(sandbox.state.image(registry, `${repository}:4.0.0`)).toBeDefined();
  });

  for (const imageStore of ['overlay2', 'containerd'] as const) {
    it(`loads the content tag into the kind cluster through an image archive (${imageStore} image store)`, async () => {
      sandbox.configure({ imageStore });
      await sandbox.exec('kind', ['create', 'cluster', '--name', 'dev']);
      sandbox.state.saveImage('local', image('pakaura-api:4.0.0-aaa'));
      await publishImage(
        { target: 'kind', docker: 'docker', kindCluster: 'dev', repository: 'pakaura-api' },
        '4.0.0-aaa',
      );
      const save = sandbox.calls('docker').find((c) => c.args.includes('save'));
      expect(save?.args.includes('--platform')).toBe(imageStore === 'containerd');
      expect(sandbox.calls('kind').at(-1)?.args.slice(0, 2)).toEqual(['load', 'image-archive']);
      expect(sandbox.calls('kind').some((c) => c.args.includes('docker-image'))).toBe(false);
      expect(sandbox.state.image('kind/dev', 'pakaura-api:4.0.0-aaa')).toBeDefined();
    });
  }

  it('does nothing more for an image built straight into the target daemon', async () => {
    await publishImage(
      { target: 'minikube', docker: 'docker', kindCluster: 'kind', repository: 'pakaura-api' },
      '4.0.0-aaa',
    );
    expect(sandbox.calls()).toEqual([]);
  });

  it('moves the version tag to the content-tagged image', async () => {
    sandbox.state.saveImage('local', { ...image('pakaura-api:4.0.0-new'), id: 'sha256:new' });
    sandbox.state.saveImage('local', { ...image('pakaura-api:4.0.0'), id: 'sha256:old' });
    await tagAlias({ docker: 'docker', repository: 'pakaura-api' }, '4.0.0-new', {});
    expect(sandbox.state.image('local', 'pakaura-api:4.0.0')?.id).toBe('sha256:new');
  });
});
