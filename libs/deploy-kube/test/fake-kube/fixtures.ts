import {
  COMPONENT_LABEL,
  NAMESPACE,
  RELEASE_NAME,
  SECRET_KEYS,
  SEED_APP_LABEL,
  type Component,
} from '@pakaura/contract';
import { renderRelease } from './chart-render';
import type { FakeKube } from './fake-kube';
import { RESOURCE_TYPES, apiVersionOf } from './store';
import type { Workload } from './workloads';

/** The secret values the healthy fixture stored, for tests that plant them somewhere they must not be. */
export type SeededSecrets = Record<(typeof SECRET_KEYS)[number], string>;

export function componentLabels(component: Component): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'pakaura',
    'app.kubernetes.io/instance': RELEASE_NAME,
    [COMPONENT_LABEL]: component,
    [SEED_APP_LABEL]: component,
  };
}

/**
 * Fills the fake cluster with what a healthy `helm install pakaura` leaves in the namespace, from
 * the chart's real `helm template` output (see chart-render.ts): postgresql-0 and the api and
 * frontend pods Running and Ready as their workloads ask, the Secret (read only via
 * secretKeyRef), the ConfigMap, Services, the Ingress with the address ingress-nginx gives it,
 * the HPA, PDBs, NetworkPolicies and the completed migration Job, and a log line per pod.
 */
export function seedPakaura(kube: FakeKube, namespace = NAMESPACE): SeededSecrets {
  const { objects, secrets } = renderRelease(namespace);
  kube.store.put('namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  for (const object of objects) {
    const resource = RESOURCE_TYPES.find(
      (r) => r.kind === object.kind && apiVersionOf(r) === object.apiVersion,
    );
    if (!resource) {
      throw new Error(`The fake API server does not serve ${object.apiVersion} ${object.kind} yet`);
    }
    if (resource.plural === 'deployments' || resource.plural === 'statefulsets') {
      kube.workloads.start(resource.plural, object as Workload);
    } else if (resource.plural === 'jobs') {
      // The Job controller's record of a run that succeeded (pkg/controller/job, 1.29).
      kube.store.put('jobs', {
        ...object,
        status: {
          succeeded: 1,
          conditions: [{ type: 'Complete', status: 'True', reason: 'CompletionsReached' }],
        },
      });
    } else if (resource.plural === 'ingresses') {
      // ingress-nginx publishes the address it serves on in the Ingress status.
      kube.store.put('ingresses', {
        ...object,
        status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
      });
    } else {
      kube.store.put(resource.plural, object);
    }
  }
  for (const pod of kube.pods(namespace)) {
    kube.appendLog(pod.metadata.name, `${pod.metadata.labels?.[SEED_APP_LABEL]} started`);
  }
  return secrets;
}
