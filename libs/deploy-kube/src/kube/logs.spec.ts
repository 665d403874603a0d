import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeKube, componentLabels } from '../../test/fake-kube';
import { followLogs, lastLogLines } from './logs';

describe('pod logs', () => {
  let kube: FakeKube;
  let pod: string;
  beforeEach(async () => {
    kube = await FakeKube.start({ namespace: 'pakaura' });
    const labels = componentLabels('api');
    [
      {
        metadata: { name: pod },
      },
    ] = kube.workloads.start('deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', namespace: 'pakaura', labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'api' }] } },
      },
    });
    for (let i = 1; i <= 5; i++) kube.appendLog(pod, `line ${i}`, 'api');
  });
  afterEach(() => kube.close());

  it('reads the last lines of a container', async () => {
    expect(await lastLogLines(kube.kubeConfig(), 'pakaura', pod, 'api', 2)).toEqual([
      'line 4',
      'line 5',
    ]);
  });

  it('says which pod and container it could not read', async () => {
    await expect(lastLogLines(kube.kubeConfig(), 'pakaura', 'api-gone', 'api', 2)).rejects.toThrow(
      /^Cannot read the logs of pakaura\/api-gone \(api\): /,
    );
  });

  it('streams a container log line by line', async () => {
    const lines: string[] = [];
    await followLogs(kube.kubeConfig(), {
      namespace: 'pakaura',
      pod,
      container: 'api',
      tailLines: 3,
      onLine: (line) => lines.push(line),
    });
    expect(lines).toEqual(['line 3', 'line 4', 'line 5']);
  });
});
