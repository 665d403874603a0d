import type { V1Endpoints, V1PersistentVolumeClaim } from '@kubernetes/client-node';
import {
  DeploymentController,
  JobController,
  StatefulSetController,
  type WorkloadStatus,
} from '../cluster/controllers';
import type { Harness } from '../cluster/harness';
import { endpointsOf, targetPort } from '../cluster/services';
import type { PodRunner } from '../pod/pod-runner';
import type { KubeObject } from './selectors';

export interface Stored {
  plural: string;
  object: KubeObject;
}

/** A pod as the API shows it: the harness's status, on the node `kube-harness`. */
export function podObject(pod: PodRunner): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...pod.pod.metadata } as KubeObject['metadata'],
    spec: { ...pod.pod.spec, nodeName: 'kube-harness' },
    status: pod.pod.status,
  } as KubeObject;
}

/**
 * Everything but pods as a cluster running the release would show it: the namespace, Secrets
 * and ConfigMaps, Services with the addresses the harness gave them and Endpoints listing the
 * ready pods, the Ingress with its address (127.0.0.1), workloads with live replica counts (a
 * Deployment's replicas being its autoscaler's minimum, as the autoscaler sets it), the
 * ReplicaSets behind Deployments, bound claims, and the kubelet's events.
 */
export function clusterObjects(harness: Harness): Stored[] {
  const m = harness.manifests;
  const out: Stored[] = [];
  const add = (plural: string, object: unknown) =>
    out.push({ plural, object: object as KubeObject });
  const namespaces = new Set([m.namespace, ...harness.allPods().map((p) => p.namespace)]);
  for (const name of namespaces) {
    add('namespaces', {
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      status: { phase: 'Active' },
    });
  }
  m.secrets.forEach((secret) => add('secrets', secret));
  m.configMaps.forEach((configMap) => add('configmaps', configMap));
  m.autoscalers.forEach((hpa) => add('horizontalpodautoscalers', hpa));
  for (const { service, clusterIP } of harness.services) {
    add('services', {
      ...service,
      spec: { ...service.spec, clusterIP: clusterIP ?? 'None', clusterIPs: [clusterIP ?? 'None'] },
    });
    add(
      'endpoints',
      endpoints(service.metadata?.name ?? '', service.metadata?.namespace ?? '', harness, service),
    );
  }
  for (const ingress of m.ingresses) {
    add('ingresses', { ...ingress, status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } } });
  }
  for (const controller of harness.controllers) {
    if (controller instanceof DeploymentController) {
      const { deployment } = controller;
      const status = controller.status();
      add('deployments', {
        ...deployment,
        metadata: { ...deployment.metadata, uid: `${controller.uid}-d`, generation: 1 },
        spec: { ...deployment.spec, replicas: controller.replicas },
        status: {
          ...workloadStatus(status),
          conditions: [available(status.readyReplicas >= controller.replicas)],
        },
      });
      add('replicasets', {
        metadata: {
          name: controller.replicaSetName,
          namespace: controller.namespace,
          uid: controller.uid,
          labels: {
            ...deployment.spec?.template.metadata?.labels,
            'pod-template-hash': controller.hash,
          },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: controller.name,
              uid: `${controller.uid}-d`,
              controller: true,
            },
          ],
        },
        spec: {
          replicas: controller.replicas,
          selector: deployment.spec?.selector,
          template: deployment.spec?.template,
        },
        status: workloadStatus(status),
      });
    } else if (controller instanceof StatefulSetController) {
      const { statefulSet } = controller;
      add('statefulsets', {
        ...statefulSet,
        metadata: { ...statefulSet.metadata, uid: controller.uid, generation: 1 },
        status: {
          ...workloadStatus(controller.status()),
          currentReplicas: controller.status().replicas,
        },
      });
      for (const claim of controller.claims())
        add('persistentvolumeclaims', boundClaim(claim, controller));
    } else if (controller instanceof JobController) {
      const { job } = controller;
      const active = [...controller.pods].filter(
        (p) => !['Succeeded', 'Failed'].includes(p.phase),
      ).length;
      const conditions = controller.done()
        ? [{ type: 'Complete', status: 'True' }]
        : controller.failure()
          ? [
              {
                type: 'Failed',
                status: 'True',
                reason: controller.failure()?.split(':')[0],
                message: controller.failure(),
              },
            ]
          : [];
      add('jobs', {
        ...job,
        metadata: { ...job.metadata, uid: controller.uid },
        status: {
          active,
          succeeded: controller.succeeded,
          failed: controller.failed,
          startTime: controller.startTime?.toISOString(),
          completionTime: controller.completionTime?.toISOString(),
          conditions,
        },
      });
    }
  }
  harness.events.forEach((event) => add('events', event));
  return out;
}

function workloadStatus(status: WorkloadStatus) {
  return { observedGeneration: 1, ...status };
}

function available(ok: boolean) {
  return {
    type: 'Available',
    status: ok ? 'True' : 'False',
    reason: ok ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
  };
}

function boundClaim(name: string, controller: StatefulSetController): V1PersistentVolumeClaim {
  const template = controller.statefulSet.spec?.volumeClaimTemplates?.find((t) =>
    name.startsWith(`${t.metadata?.name}-`),
  );
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: controller.namespace, labels: template?.metadata?.labels },
    spec: {
      ...template?.spec,
      volumeName: `pvc-${name}`,
      storageClassName: template?.spec?.storageClassName ?? 'kube-harness-hostpath',
    },
    status: {
      phase: 'Bound',
      accessModes: template?.spec?.accessModes,
      capacity: template?.spec?.resources?.requests,
    },
  };
}

function endpoints(
  name: string,
  namespace: string,
  harness: Harness,
  service: Parameters<typeof endpointsOf>[0],
): V1Endpoints {
  const pods = harness.allPods().filter((p) => p.podIP && !p.deleting);
  const ready = endpointsOf(service, pods);
  const selected = pods.filter((p) => {
    const selector = service.spec?.selector ?? {};
    const labels = p.pod.metadata?.labels ?? {};
    return (
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([k, v]) => labels[k] === v)
    );
  });
  const address = (pod: PodRunner) => ({
    ip: pod.podIP as string,
    hostname: pod.pod.spec?.hostname,
    nodeName: 'kube-harness',
    targetRef: { kind: 'Pod', name: pod.name, namespace: pod.namespace, uid: pod.uid },
  });
  const ports = (service.spec?.ports ?? []).map((port) => ({
    name: port.name,
    port: selected[0] ? (targetPort(port, selected[0]) ?? port.port) : port.port,
    protocol: port.protocol ?? 'TCP',
  }));
  const notReady = selected.filter((p) => !ready.includes(p));
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace },
    subsets:
      selected.length === 0
        ? []
        : [{ addresses: ready.map(address), notReadyAddresses: notReady.map(address), ports }],
  };
}
