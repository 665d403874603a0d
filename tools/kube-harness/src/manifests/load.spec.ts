import { describe, expect, it } from 'vitest';
import { desiredReplicas, loadManifests } from './load';

const RENDER = `
apiVersion: v1
kind: Secret
metadata: { name: s }
stringData: { A: plain }
data: { B: Yg== }
---
# a comment-only document
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: other }
spec: { template: { spec: { containers: [] } } }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: api, namespace: other }
spec: { scaleTargetRef: { kind: Deployment, name: api }, minReplicas: 2, maxReplicas: 5 }
---
apiVersion: v1
kind: Pod
metadata: { name: t, annotations: { helm.sh/hook: test } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: api }
`;

describe('loadManifests', () => {
  it('sorts a render by kind, keeps hook test pods apart and lists what it does not model', () => {
    const m = loadManifests(RENDER, 'pakaura');
    expect(m.deployments.map((d) => d.metadata?.namespace)).toEqual(['other']);
    expect(m.testPods.map((p) => p.metadata?.name)).toEqual(['t']);
    expect(m.pods).toEqual([]);
    expect(m.ignored).toEqual(['NetworkPolicy/api']);
    expect(m.secrets[0].metadata?.namespace).toBe('pakaura');
  });

  it('merges a Secret stringData into data, base64-encoded, as the API server stores it', () => {
    const [secret] = loadManifests(RENDER, 'pakaura').secrets;
    expect(secret.data).toEqual({ A: Buffer.from('plain').toString('base64'), B: 'Yg==' });
    expect(secret.stringData).toBeUndefined();
  });

  it('refuses a document without kind or name, naming its position', () => {
    expect(() => loadManifests('kind: Pod\n---\napiVersion: v1\nkind: Service\n', 'x')).toThrow(
      /Document 1 of the render has no kind or metadata.name/,
    );
  });
});

describe('desiredReplicas', () => {
  it('runs a Deployment at its autoscaler minimum, else at its replicas, else one', () => {
    const m = loadManifests(RENDER, 'pakaura');
    expect(desiredReplicas(m.deployments[0], m.autoscalers)).toBe(2);
    expect(desiredReplicas({ metadata: { name: 'x' }, spec: { replicas: 3 } } as never, [])).toBe(
      3,
    );
    expect(desiredReplicas({ metadata: { name: 'x' } } as never, [])).toBe(1);
  });
});
