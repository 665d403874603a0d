import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSandbox, type FakeSandbox } from '@pakaura/deploy-kube/testing';
import { daemonEnv, parseDockerEnv } from './daemon-env';

describe('daemon environment', () => {
  it('reads the KEY=VALUE lines of docker-env --shell none', () => {
    const text = [
      'DOCKER_TLS_VERIFY=1',
      'DOCKER_HOST=tcp://127.0.0.1:32771',
      'DOCKER_CERT_PATH="/home/me/.minikube/certs"',
      '',
      "# To point your shell to minikube's docker-daemon, run:",
      'MINIKUBE_ACTIVE_DOCKERD=minikube',
    ].join('\n');
    expect(parseDockerEnv(text)).toEqual({
      DOCKER_TLS_VERIFY: '1',
      DOCKER_HOST: 'tcp://127.0.0.1:32771',
      DOCKER_CERT_PATH: '/home/me/.minikube/certs',
      MINIKUBE_ACTIVE_DOCKERD: 'minikube',
    });
  });

  describe('with a fake minikube', () => {
    let sandbox: FakeSandbox;
    let restore: () => void;
    beforeEach(() => {
      sandbox = createFakeSandbox({ tools: ['minikube'] });
      restore = sandbox.apply();
    });
    afterEach(() => {
      restore();
      sandbox.dispose();
    });

    it("points docker at the minikube profile's daemon, in-process", async () => {
      await sandbox.exec('minikube', ['start', '-p', 'ci']);
      const env = await daemonEnv({ target: 'minikube', minikubeProfile: 'ci' });
      expect(env).toMatchObject({ MINIKUBE_ACTIVE_DOCKERD: 'ci' });
      expect(env['DOCKER_HOST']).toMatch(/^tcp:\/\//);
      expect(sandbox.calls('minikube').at(-1)?.args).toEqual([
        'docker-env',
        '--shell',
        'none',
        '-p',
        'ci',
      ]);
    });

    it('leaves the environment alone for the other targets', async () => {
      expect(await daemonEnv({ target: 'docker', minikubeProfile: 'minikube' })).toEqual({});
      expect(sandbox.calls('minikube')).toEqual([]);
    });

    it('says how to start the cluster when minikube is not running', async () => {
      const error = (await daemonEnv({ target: 'minikube', minikubeProfile: 'minikube' }).catch(
        (e: unknown) => e,
      )) as Error;
      expect(error.message).toMatch(/^minikube docker-env failed: .+/);
      expect(error.message).toContain('Run: nx run local-cluster:cluster');
    });
  });
});
