import type { V1Pod } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { podFailure, TRANSIENT_REASONS } from './pod-failure';

function pod(containerStatuses: object[], initContainerStatuses: object[] = []): V1Pod {
  return {
    metadata: { name: 'api-1' },
    status: { containerStatuses, initContainerStatuses },
  } as V1Pod;
}

describe('podFailure', () => {
  it('reports a crash-looping container with its restarts', () => {
    expect(
      podFailure(
        pod([
          {
            name: 'api',
            restartCount: 4,
            state: {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 40s restarting failed container',
              },
            },
            lastState: { terminated: { exitCode: 1 } },
          },
        ]),
      ),
    ).toEqual({
      pod: 'api-1',
      container: 'api',
      reason: 'CrashLoopBackOff',
      message: 'back-off 40s restarting failed container',
      restarts: 4,
      crashed: true,
    });
  });

  it('reports an init container before the app container, for the reasons asked', () => {
    const failure = podFailure(
      pod(
        [{ name: 'api', state: { waiting: { reason: 'PodInitializing' } } }],
        [
          {
            name: 'migrate',
            state: {
              waiting: { reason: 'CreateContainerConfigError', message: 'secret "x" not found' },
            },
          },
        ],
      ),
      TRANSIENT_REASONS,
    );
    expect(failure).toMatchObject({
      container: 'migrate',
      reason: 'CreateContainerConfigError',
      crashed: false,
    });
  });

  it('leaves a reason that can clear on its own to the grace period', () => {
    expect(
      podFailure(
        pod([{ name: 'api', state: { waiting: { reason: 'CreateContainerConfigError' } } }]),
      ),
    ).toBeUndefined();
  });

  it('ignores containers that are only starting or running', () => {
    expect(
      podFailure(pod([{ name: 'api', state: { waiting: { reason: 'ContainerCreating' } } }])),
    ).toBeUndefined();
    expect(podFailure(pod([{ name: 'api', state: { running: {} } }]))).toBeUndefined();
    expect(podFailure({ metadata: { name: 'x' } } as V1Pod)).toBeUndefined();
  });
});
