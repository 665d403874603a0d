import { describe, expect, it } from 'vitest';
import { dockerRunArgs, envFileContent, type ContainerRunPlan } from './run-args';
import { effectiveSecurity } from './security';

const pod = { metadata: { name: 'p', namespace: 'n', uid: 'u' }, spec: { containers: [] } };

function plan(overrides: Partial<ContainerRunPlan>): ContainerRunPlan {
  const container = {
    name: 'c',
    image: 'img:1',
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
  return {
    dockerName: 'pkh-x.p.u.c.1',
    pause: 'pkh-x.p.u.pause',
    labels: { 'pakaura.harness': '1' },
    container,
    image: 'img:1',
    imageUser: undefined,
    security: effectiveSecurity(pod, container),
    command: undefined,
    args: undefined,
    volumes: new Map([['tmp', { hostPath: '/state/pods/p/volumes/tmp', readOnly: false }]]),
    hostsFile: '/state/pods/p/hosts',
    resolvFile: '/state/pods/p/resolv.conf',
    envFile: '/state/pods/p/env/c.1',
    stopTimeoutSeconds: 30,
    ...overrides,
  };
}

describe('dockerRunArgs', () => {
  it("joins the pause container's namespaces, turns the image HEALTHCHECK off and mounts hosts, resolv.conf and volumes", () => {
    const argv = dockerRunArgs(pod, plan({}));
    expect(argv.slice(0, 4)).toEqual(['run', '-d', '--name', 'pkh-x.p.u.c.1']);
    expect(argv).toEqual(
      expect.arrayContaining(['--network', 'container:pkh-x.p.u.pause', '--no-healthcheck']),
    );
    expect(argv).toContain('type=bind,source=/state/pods/p/hosts,target=/etc/hosts,readonly');
    expect(argv).toContain('type=bind,source=/state/pods/p/volumes/tmp,target=/tmp');
    expect(argv.at(-1)).toBe('img:1');
  });

  it('replaces the ENTRYPOINT with command and passes args after it', () => {
    const argv = dockerRunArgs(pod, plan({ command: ['sh', '-c', 'echo $0'], args: ['x'] }));
    expect(argv).toEqual(expect.arrayContaining(['--entrypoint', 'sh']));
    expect(argv.slice(-4)).toEqual(['img:1', '-c', 'echo $0', 'x']);
  });

  it('keeps the ENTRYPOINT and replaces CMD when only args are given', () => {
    const argv = dockerRunArgs(pod, plan({ args: ['migrate.js'] }));
    expect(argv).not.toContain('--entrypoint');
    expect(argv.slice(-2)).toEqual(['img:1', 'migrate.js']);
  });

  it('refuses a mount of a volume the pod does not declare', () => {
    expect(() => dockerRunArgs(pod, plan({ volumes: new Map() }))).toThrow(
      /mounts volume "tmp", which pod p does not declare/,
    );
  });
});

describe('envFileContent', () => {
  it('writes KEY=value lines and refuses a value with a newline', () => {
    expect(
      envFileContent(
        new Map([
          ['A', 'x=y'],
          ['B', ''],
        ]),
      ),
    ).toBe('A=x=y\nB=\n');
    expect(() => envFileContent(new Map([['A', 'a\nb']]))).toThrow(/A holds a newline/);
  });
});
