/**
 * The apiVersion/kind pairs a Kubernetes 1.29 API server serves with its default settings: GA
 * groups plus the betas enabled by default. Alpha groups, betas off by default (e.g.
 * admissionregistration.k8s.io/v1beta1) and versions removed by 1.29 are absent, so a manifest
 * written for a newer or older cluster fails here instead of at `kubectl apply`.
 * Review this table when the target cluster version changes.
 */
export const TARGET_KUBERNETES_VERSION = '1.29.0';

export interface ServedKind {
  apiVersion: string;
  kind: string;
  namespaced: boolean;
}

const served = (apiVersion: string, namespaced: boolean, kinds: string[]): ServedKind[] =>
  kinds.map((kind) => ({ apiVersion, kind, namespaced }));

export const SERVED_KINDS: readonly ServedKind[] = [
  ...served('v1', true, [
    'ConfigMap',
    'Endpoints',
    'Event',
    'LimitRange',
    'PersistentVolumeClaim',
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ResourceQuota',
    'Secret',
    'Service',
    'ServiceAccount',
  ]),
  ...served('v1', false, ['Namespace', 'Node', 'PersistentVolume']),
  ...served('apps/v1', true, [
    'ControllerRevision',
    'DaemonSet',
    'Deployment',
    'ReplicaSet',
    'StatefulSet',
  ]),
  ...served('autoscaling/v1', true, ['HorizontalPodAutoscaler']),
  ...served('autoscaling/v2', true, ['HorizontalPodAutoscaler']),
  ...served('batch/v1', true, ['CronJob', 'Job']),
  ...served('policy/v1', true, ['PodDisruptionBudget']),
  ...served('networking.k8s.io/v1', true, ['Ingress', 'NetworkPolicy']),
  ...served('networking.k8s.io/v1', false, ['IngressClass']),
  ...served('rbac.authorization.k8s.io/v1', true, ['Role', 'RoleBinding']),
  ...served('rbac.authorization.k8s.io/v1', false, ['ClusterRole', 'ClusterRoleBinding']),
  ...served('storage.k8s.io/v1', true, ['CSIStorageCapacity']),
  ...served('storage.k8s.io/v1', false, [
    'CSIDriver',
    'CSINode',
    'StorageClass',
    'VolumeAttachment',
  ]),
  ...served('scheduling.k8s.io/v1', false, ['PriorityClass']),
  ...served('coordination.k8s.io/v1', true, ['Lease']),
  ...served('discovery.k8s.io/v1', true, ['EndpointSlice']),
  ...served('events.k8s.io/v1', true, ['Event']),
  ...served('node.k8s.io/v1', false, ['RuntimeClass']),
  ...served('certificates.k8s.io/v1', false, ['CertificateSigningRequest']),
  ...served('admissionregistration.k8s.io/v1', false, [
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
  ]),
  ...served('apiextensions.k8s.io/v1', false, ['CustomResourceDefinition']),
  ...served('apiregistration.k8s.io/v1', false, ['APIService']),
  // API Priority and Fairness went GA in 1.29: v1 is new there, v1beta3 is still served.
  ...served('flowcontrol.apiserver.k8s.io/v1', false, ['FlowSchema', 'PriorityLevelConfiguration']),
  ...served('flowcontrol.apiserver.k8s.io/v1beta3', false, [
    'FlowSchema',
    'PriorityLevelConfiguration',
  ]),
];

/** Versions people still copy from old examples, with the one to use instead. */
export const NOT_SERVED_REPLACEMENTS: Readonly<Record<string, string>> = {
  'extensions/v1beta1': 'apps/v1 (workloads) or networking.k8s.io/v1 (Ingress, NetworkPolicy)',
  'apps/v1beta1': 'apps/v1',
  'apps/v1beta2': 'apps/v1',
  'networking.k8s.io/v1beta1': 'networking.k8s.io/v1',
  'policy/v1beta1': 'policy/v1 (PodSecurityPolicy is gone: use Pod Security Admission)',
  'batch/v1beta1': 'batch/v1',
  'autoscaling/v2beta1': 'autoscaling/v2',
  'autoscaling/v2beta2': 'autoscaling/v2',
  'rbac.authorization.k8s.io/v1beta1': 'rbac.authorization.k8s.io/v1',
  'storage.k8s.io/v1beta1': 'storage.k8s.io/v1',
  'discovery.k8s.io/v1beta1': 'discovery.k8s.io/v1',
  'events.k8s.io/v1beta1': 'events.k8s.io/v1',
  'scheduling.k8s.io/v1beta1': 'scheduling.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta2': 'flowcontrol.apiserver.k8s.io/v1',
  'admissionregistration.k8s.io/v1beta1':
    'admissionregistration.k8s.io/v1 (the v1beta1 policies are off by default in 1.29)',
};

const byKey = new Map(SERVED_KINDS.map((k) => [`${k.apiVersion} ${k.kind}`, k]));

export function servedKind(apiVersion: string, kind: string): ServedKind | undefined {
  return byKey.get(`${apiVersion} ${kind}`);
}

/** The versions a 1.29 server serves `kind` in, for error messages. */
export function servedVersionsOf(kind: string): string[] {
  return SERVED_KINDS.filter((k) => k.kind === kind).map((k) => k.apiVersion);
}

/**
 * Fields the client-node 1.4 models know (Kubernetes 1.34) that a 1.29 server does not, for the
 * kinds above. A 1.29 server rejects them under strict field validation (kubectl's default).
 * Keyed `<model>.<field>`; the value is the release that added the field.
 */
export const FIELDS_NEWER_THAN_TARGET: Readonly<Record<string, string>> = {
  'V1PodSpec.resources': '1.32',
  'V1PodSpec.hostnameOverride': '1.34',
  'V1PodSecurityContext.appArmorProfile': '1.30',
  'V1PodSecurityContext.supplementalGroupsPolicy': '1.31',
  'V1PodSecurityContext.seLinuxChangePolicy': '1.32',
  'V1SecurityContext.appArmorProfile': '1.30',
  'V1Container.restartPolicyRules': '1.34',
  'V1Lifecycle.stopSignal': '1.33',
  'V1VolumeMount.recursiveReadOnly': '1.30',
  'V1Volume.image': '1.31',
  'V1EnvVarSource.fileKeyRef': '1.34',
  'V1ServiceSpec.trafficDistribution': '1.30',
  'V1JobSpec.managedBy': '1.30',
  'V1JobSpec.successPolicy': '1.30',
  'V2HPAScalingRules.tolerance': '1.33',
};
