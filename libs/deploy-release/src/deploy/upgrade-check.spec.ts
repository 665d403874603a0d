import { describe, expect, it } from 'vitest';
import { refusedChanges } from './upgrade-check';

const statefulSet = (size: string, extra = '') => `---
# Source: pakaura/templates/postgresql/statefulset.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
spec:
  serviceName: postgresql
  replicas: 1
  selector:
    matchLabels:
      app: postgresql
  template:
    metadata:
      labels:
        app: postgresql${extra}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        resources:
          requests:
            storage: ${size}
`;

describe('refusedChanges', () => {
  it('finds a changed StatefulSet volumeClaimTemplates, which Kubernetes refuses on update', () => {
    expect(refusedChanges(statefulSet('10Gi'), statefulSet('20Gi'))).toEqual([
      {
        object: 'StatefulSet postgresql',
        field: 'spec.volumeClaimTemplates',
        fix: expect.stringMatching(
          /^Kubernetes never changes the claims of an existing StatefulSet: keep the old value, or delete it without its pods \(kubectl delete statefulset postgresql --cascade=orphan\)/,
        ),
      },
    ]);
  });

  it('lets the fields an update may change through (template, replicas)', () => {
    expect(refusedChanges(statefulSet('10Gi'), statefulSet('10Gi', '\n        tier: db'))).toEqual(
      [],
    );
  });

  it("finds a Deployment's changed selector and a Service switching to headless", () => {
    const installed = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
---
apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  type: ClusterIP
`;
    const upgraded = installed
      .replace('app: api', 'app: backend')
      .replace('type: ClusterIP', 'clusterIP: None');
    expect(refusedChanges(installed, upgraded).map((c) => `${c.object} ${c.field}`)).toEqual([
      'Deployment api spec.selector',
      'Service api spec.clusterIP',
    ]);
  });

  it('ignores objects the installed release does not have', () => {
    expect(refusedChanges('', statefulSet('20Gi'))).toEqual([]);
  });
});
