import { describe, expect, it } from 'vitest';
import type { V1Container, V1Pod, V1PodSecurityContext } from '@kubernetes/client-node';
import { ContainerConfigError } from './errors';
import { effectiveSecurity, imageUser, securityFlags, verifyRunAsNonRoot } from './security';

const pod = (securityContext: V1PodSecurityContext): V1Pod => ({
  metadata: { name: 'api-1', namespace: 'pakaura', uid: 'u1' },
  spec: { containers: [], securityContext },
});
const container: V1Container = {
  name: 'api',
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  },
};

function refusal(p: V1Pod, c: V1Container, user: string | undefined): string | undefined {
  try {
    verifyRunAsNonRoot(p, c, effectiveSecurity(p, c), user);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ContainerConfigError);
    return (error as Error).message;
  }
}

describe('verifyRunAsNonRoot', () => {
  it('refuses runAsUser 0 under runAsNonRoot with the kubelet message', () => {
    expect(refusal(pod({ runAsNonRoot: true, runAsUser: 0 }), container, '10001')).toBe(
      `container's runAsUser breaks non-root policy (pod: "api-1_pakaura(u1)", container: api)`,
    );
  });

  it('refuses an image whose user is root when no runAsUser is set', () => {
    expect(refusal(pod({ runAsNonRoot: true }), container, '')).toMatch(
      /^container has runAsNonRoot and image will run as root/,
    );
    expect(refusal(pod({ runAsNonRoot: true }), container, '0:0')).toMatch(
      /image will run as root/,
    );
  });

  it('refuses a user name it cannot verify, and accepts a numeric non-root user', () => {
    expect(refusal(pod({ runAsNonRoot: true }), container, 'postgres')).toMatch(
      /image has non-numeric user \(postgres\)/,
    );
    expect(refusal(pod({ runAsNonRoot: true }), container, '70:70')).toBeUndefined();
    expect(refusal(pod({ runAsNonRoot: true, runAsUser: 10001 }), container, '')).toBeUndefined();
  });

  it('checks nothing without runAsNonRoot', () => {
    expect(refusal(pod({}), container, '')).toBeUndefined();
  });
});

describe('securityFlags', () => {
  it('maps the pod and container contexts to docker run flags', () => {
    const p = pod({ runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, supplementalGroups: [5] });
    expect(securityFlags(effectiveSecurity(p, container), '10001')).toEqual([
      '--user',
      '10001:10001',
      '--group-add',
      '10001',
      '--group-add',
      '5',
      '--read-only',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
    ]);
  });

  it('lets the container override the pod user', () => {
    const c = { ...container, securityContext: { ...container.securityContext, runAsUser: 70 } };
    expect(
      securityFlags(effectiveSecurity(pod({ runAsUser: 10001 }), c), undefined).slice(0, 2),
    ).toEqual(['--user', '70']);
  });
});

describe('imageUser', () => {
  it('reads an empty USER as root and keeps names as names', () => {
    expect(imageUser(undefined)).toEqual({ uid: 0 });
    expect(imageUser('10001:10001')).toEqual({ uid: 10001 });
    expect(imageUser('node')).toEqual({ name: 'node' });
  });
});
