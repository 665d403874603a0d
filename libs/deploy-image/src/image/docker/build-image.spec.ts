import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { buildArgs, buildFailureCause, buildImage, CONTENT_HASH_LABEL } from './build-image';

const options = {
  app: 'api' as const,
  repository: 'pakaura-api',
  context: '/ws',
  network: 'host',
  docker: 'docker',
  workspaceRoot: '/ws',
};
const image = {
  tag: '4.0.0-0123456789ab',
  hash: '0123456789ab',
  baseImage: 'pakaura-node-base:22',
  dockerfile: 'apps/api-container/Dockerfile',
};

describe('build image', () => {
  it('tags the content tag and the version, passes the base image and labels the hash', () => {
    expect(buildArgs(options, image)).toEqual([
      'build',
      '--file',
      '/ws/apps/api-container/Dockerfile',
      '--tag',
      'pakaura-api:4.0.0-0123456789ab',
      '--tag',
      'pakaura-api:4.0.0',
      '--build-arg',
      'NODE_IMAGE=pakaura-node-base:22',
      '--label',
      'org.opencontainers.image.title=pakaura-api',
      '--label',
      'org.opencontainers.image.version=4.0.0',
      '--label',
      `${CONTENT_HASH_LABEL}=0123456789ab`,
      '--network',
      'host',
      '/ws',
    ]);
    expect(buildArgs({ ...options, network: undefined }, image)).not.toContain('--network');
  });

  it.each([
    [
      'a failed RUN step (Docker 20.10)',
      [
        '#8 [builder 3/4] RUN npm ci --omit=dev',
        '#8 2.104 npm ERR! code ENOTFOUND',
        '#8 ERROR: executor failed running [/bin/sh -c npm ci --omit=dev]: exit code: 1',
        '------',
        ' > [builder 3/4] RUN npm ci --omit=dev:',
        '------',
        'executor failed running [/bin/sh -c npm ci --omit=dev]: exit code: 1',
      ],
      'executor failed running [/bin/sh -c npm ci --omit=dev]: exit code: 1',
    ],
    [
      'a missing build output (Docker 20.10)',
      [
        '#6 ERROR: "/dist/apps/api-container" not found: not found',
        '------',
        ' > [runtime 4/4] COPY dist/apps/api-container ./:',
        '------',
        'failed to compute cache key: "/dist/apps/api-container" not found: not found',
      ],
      'failed to compute cache key: "/dist/apps/api-container" not found: not found',
    ],
    [
      'a failed solve (buildx)',
      [
        '#1 [internal] load build definition from Dockerfile',
        'ERROR: failed to solve: pakaura-node-base:22: not found',
        'View build details: docker-desktop://dashboard/build/default/default/x',
      ],
      'failed to solve: pakaura-node-base:22: not found',
    ],
    ['colours', ['\u001b[31mdaemon gone\u001b[0m'], 'daemon gone'],
    ['no output', [], 'no output'],
  ])("finds the cause of %s in BuildKit's output", (_, lines, cause) => {
    expect(buildFailureCause(lines.join('\n'))).toBe(cause);
  });

  describe('with a fake docker', () => {
    let sandbox: FakeSandbox;
    let restore: () => void;
    beforeEach(() => {
      sandbox = createFakeSandbox({ tools: ['docker'] });
      restore = sandbox.apply();
    });
    afterEach(() => {
      restore();
      sandbox.dispose();
    });

    it('builds with BuildKit into the daemon the environment names', async () => {
      writeFileSync(join(sandbox.root, 'Dockerfile'), 'FROM scratch\n');
      const where = { ...options, context: sandbox.root, workspaceRoot: sandbox.root };
      const daemonHost = 'tcp://127.0.0.1:2376';
      await buildImage(where, { ...image, dockerfile: 'Dockerfile' }, { DOCKER_HOST: daemonHost });
      expect(sandbox.calls('docker')[0]?.env).toMatchObject({
        DOCKER_BUILDKIT: '1',
        DOCKER_HOST: daemonHost,
      });
      const daemon = `host/${encodeURIComponent(daemonHost)}`;
      expect(sandbox.state.image(daemon, 'pakaura-api:4.0.0-0123456789ab')?.buildArgs).toEqual({
        NODE_IMAGE: 'pakaura-node-base:22',
      });
      expect(sandbox.state.image('local', 'pakaura-api:4.0.0')).toBeUndefined();
    });

    it('fails with one line that names the cause', async () => {
      sandbox.configure({
        failures: [
          {
            tool: 'docker',
            command: 'build',
            stderr:
              '#5 [internal] load metadata\nerror: failed to solve: pakaura-node-base:22: not found',
          },
        ],
      });
      const error = (await buildImage(options, image, {}).catch((e: unknown) => e)) as Error;
      expect(error.message).toBe(
        'docker build of pakaura-api:4.0.0-0123456789ab failed: failed to solve: pakaura-node-base:22: not found',
      );
      expect(error.message).not.toContain('\n');
    });
  });
});
