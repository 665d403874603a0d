import type {
  V1ConfigMap,
  V1Deployment,
  V1Ingress,
  V1Job,
  V1ObjectMeta,
  V1Pod,
  V1Secret,
  V1Service,
  V1StatefulSet,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

/** What the harness runs from a render, by kind; `ignored` lists what it reads but does not model. */
export interface Manifests {
  namespace: string;
  deployments: V1Deployment[];
  statefulSets: V1StatefulSet[];
  jobs: V1Job[];
  /** Plain pods that are not hooks. */
  pods: V1Pod[];
  /** `helm.sh/hook: test` pods: run by `runTests()`, like `helm test`. */
  testPods: V1Pod[];
  services: V1Service[];
  ingresses: V1Ingress[];
  secrets: V1Secret[];
  configMaps: V1ConfigMap[];
  autoscalers: V2HorizontalPodAutoscaler[];
  /** `Kind/name` of objects a kubelet does not act on (NetworkPolicy, PodDisruptionBudget, ...). */
  ignored: string[];
}

interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: V1ObjectMeta;
}

/**
 * Reads `helm template` output (several YAML documents) into the objects the harness runs. Every
 * object is put in `namespace` unless it names its own. A document that is not a Kubernetes object
 * fails with its position, so a broken render never runs half-read.
 */
export function loadManifests(text: string, namespace: string): Manifests {
  const manifests: Manifests = {
    namespace,
    deployments: [],
    statefulSets: [],
    jobs: [],
    pods: [],
    testPods: [],
    services: [],
    ingresses: [],
    secrets: [],
    configMaps: [],
    autoscalers: [],
    ignored: [],
  };
  parseAllDocuments(text).forEach((document, index) => {
    if (document.errors.length > 0) {
      throw new Error(
        `Document ${index + 1} of the render is not YAML: ${document.errors[0].message}`,
      );
    }
    const object = document.toJSON() as KubeObject | null;
    if (object === null || object === undefined) return;
    if (!object.kind || !object.metadata?.name) {
      throw new Error(`Document ${index + 1} of the render has no kind or metadata.name`);
    }
    object.metadata.namespace ??= namespace;
    sort(manifests, object);
  });
  return manifests;
}

function sort(manifests: Manifests, object: KubeObject): void {
  switch (object.kind) {
    case 'Deployment':
      return void manifests.deployments.push(object as V1Deployment);
    case 'StatefulSet':
      return void manifests.statefulSets.push(object as V1StatefulSet);
    case 'Job':
      return void manifests.jobs.push(object as V1Job);
    case 'Pod': {
      const hook = object.metadata?.annotations?.['helm.sh/hook'] ?? '';
      const list = hook.split(',').includes('test') ? manifests.testPods : manifests.pods;
      return void list.push(object as V1Pod);
    }
    case 'Service':
      return void manifests.services.push(object as V1Service);
    case 'Ingress':
      return void manifests.ingresses.push(object as V1Ingress);
    case 'Secret':
      return void manifests.secrets.push(decodeSecret(object as V1Secret));
    case 'ConfigMap':
      return void manifests.configMaps.push(object as V1ConfigMap);
    case 'HorizontalPodAutoscaler':
      return void manifests.autoscalers.push(object as V2HorizontalPodAutoscaler);
    default:
      manifests.ignored.push(`${object.kind}/${object.metadata?.name}`);
  }
}

/** `stringData` merged into `data` (base64), as the API server stores a Secret. */
function decodeSecret(secret: V1Secret): V1Secret {
  const data = { ...(secret.data ?? {}) };
  for (const [key, value] of Object.entries(secret.stringData ?? {})) {
    data[key] = Buffer.from(value, 'utf8').toString('base64');
  }
  return { ...secret, data, stringData: undefined };
}

/** The replica count a Deployment runs at: its own, or its HorizontalPodAutoscaler's minimum. */
export function desiredReplicas(
  deployment: V1Deployment,
  autoscalers: V2HorizontalPodAutoscaler[],
): number {
  const hpa = autoscalers.find(
    (a) =>
      a.spec?.scaleTargetRef.kind === 'Deployment' &&
      a.spec.scaleTargetRef.name === deployment.metadata?.name &&
      a.metadata?.namespace === deployment.metadata?.namespace,
  );
  if (hpa) return Math.max(hpa.spec?.minReplicas ?? 1, deployment.spec?.replicas ?? 0);
  return deployment.spec?.replicas ?? 1;
}
