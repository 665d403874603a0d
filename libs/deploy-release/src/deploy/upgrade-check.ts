import { isDeepStrictEqual } from 'node:util';
import { manifestObjects, refOf } from './manifest';

/** A change the API server refuses on update, found before helm runs. */
export interface RefusedChange {
  object: string;
  field: string;
  fix: string;
}

/**
 * StatefulSet spec fields an update may change (Kubernetes 1.29
 * pkg/apis/apps/validation/validation.go, ValidateStatefulSetUpdate: "updates to statefulset spec
 * for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy',
 * 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden").
 */
const STATEFULSET_MUTABLE = new Set([
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
]);

/**
 * Compares the release as installed (helm's stored manifest) with the release as it would be
 * upgraded (`helm template` of the new chart and values), object by object, for the changes the
 * API server refuses: a StatefulSet's volumeClaimTemplates, selector, serviceName or
 * podManagementPolicy; a Deployment's selector (apps/v1: immutable); a Job's template or selector
 * under the same name; a Service's clusterIP (`None` ⇄ an address). Helm would fail half-way
 * through such an upgrade; this says what to do instead before anything is applied.
 */
export function refusedChanges(installed: string, upgraded: string): RefusedChange[] {
  const before = new Map(manifestObjects(installed).map((o) => [key(o), o]));
  const changes: RefusedChange[] = [];
  for (const next of manifestObjects(upgraded)) {
    const old = before.get(key(next));
    if (!old) continue;
    const ref = refOf(next);
    const name = `${ref.kind} ${ref.name}`;
    const oldSpec = (old['spec'] ?? {}) as Record<string, unknown>;
    const newSpec = (next['spec'] ?? {}) as Record<string, unknown>;
    const changed = (field: string) => !isDeepStrictEqual(oldSpec[field], newSpec[field]);
    const recreate = `delete it without its pods (kubectl delete ${ref.kind.toLowerCase()} ${ref.name} --cascade=orphan) and deploy again, which recreates it with the new spec`;
    if (ref.kind === 'StatefulSet') {
      const fields = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].filter(
        (field) => !STATEFULSET_MUTABLE.has(field) && changed(field),
      );
      for (const field of fields) {
        changes.push({
          object: name,
          field: `spec.${field}`,
          fix:
            field === 'volumeClaimTemplates'
              ? `Kubernetes never changes the claims of an existing StatefulSet: keep the old value, or ${recreate} (existing PersistentVolumeClaims keep their old size; grow them with kubectl edit pvc if the storage class allows expansion)`
              : `keep the old value, or ${recreate}`,
        });
      }
    }
    if ((ref.kind === 'Deployment' || ref.kind === 'Job') && changed('selector')) {
      changes.push({
        object: name,
        field: 'spec.selector',
        fix: `keep the old labels, or ${recreate}`,
      });
    }
    if (ref.kind === 'Job' && changed('template')) {
      changes.push({
        object: name,
        field: 'spec.template',
        fix: `a Job's pod template is immutable: give the Job a new name, or delete it (kubectl delete job ${ref.name}) before deploying`,
      });
    }
    if (ref.kind === 'Service') {
      const headless = (spec: Record<string, unknown>) => spec['clusterIP'] === 'None';
      if (headless(oldSpec) !== headless(newSpec)) {
        changes.push({
          object: name,
          field: 'spec.clusterIP',
          fix: `a Service cannot switch between headless and not: delete it (kubectl delete service ${ref.name}) before deploying`,
        });
      }
    }
  }
  return changes;
}

function key(object: Record<string, unknown>): string {
  const ref = refOf(object);
  return `${String(object['apiVersion'])}/${ref.kind}/${ref.name}`;
}
