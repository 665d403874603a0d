import {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  type V1Container,
  type V1ObjectMeta,
  type V1PodSpec,
} from '@kubernetes/client-node';
import { K8S_NAMES, SECRET_KEYS } from '@pakaura/contract';
import { lastLogLines } from '@pakaura/deploy-kube/kube';
import { listPods } from '@pakaura/deploy-kube/kube';
import { readSecretValues } from '@pakaura/deploy-kube/kube';
import { CheckFailedError, type Check, type CheckContext } from '../types';

/** Lines of each container's log searched for secret values. */
const LOG_LINES = 1000;
/** Shorter values are not searched for: they would match ordinary text (same rule as redact()). */
const MIN_SECRET_LENGTH = 4;

interface PodSource {
  where: string;
  metadata?: V1ObjectMeta;
  spec?: V1PodSpec;
}

/**
 * T050: the Secret holds every expected key; workloads read secret keys only through
 * `secretKeyRef`; no secret value sits in a ConfigMap, an env `value`, an annotation or a log.
 */
export const secretsCheck: Check = {
  name: 'secrets',
  task: 'T050',
  title: 'secrets only via secretKeyRef, never exposed',
  disruptive: false,
  async run(ctx) {
    const values = await readSecretValues(ctx.kc, ctx.namespace, K8S_NAMES.secret).catch(
      (error: unknown) => {
        throw new CheckFailedError((error as Error).message, { cause: error });
      },
    );
    const missing = SECRET_KEYS.filter((key) => !(key in values));
    ctx.evidence(
      `Secret ${K8S_NAMES.secret} keys: ${Object.keys(values).join(', ')} (values not shown)`,
    );
    if (missing.length > 0) {
      throw new CheckFailedError(`Secret ${K8S_NAMES.secret} lacks ${missing.join(', ')}`);
    }
    const secrets = Object.entries(values).filter(([, v]) => v.length >= MIN_SECRET_LENGTH);
    ctx.addSecrets(secrets.map(([, v]) => v));
    const leakIn = (text: string | undefined) =>
      text ? secrets.filter(([, v]) => text.includes(v)).map(([k]) => k) : [];

    const problems: string[] = [];
    const sources = await podSources(ctx);
    let envCount = 0;
    for (const source of sources) {
      for (const container of containersOf(source.spec)) {
        for (const env of container.env ?? []) {
          envCount += 1;
          const at = `${source.where} container ${container.name} env ${env.name}`;
          const leaked = leakIn(env.value);
          if (leaked.length > 0)
            problems.push(`${at} holds the value of ${leaked.join(', ')} inline`);
          else if (isSecretKey(env.name) && !env.valueFrom?.secretKeyRef) {
            problems.push(`${at} is not read through secretKeyRef`);
          }
        }
        for (const from of container.envFrom ?? []) {
          if (from.secretRef) {
            problems.push(
              `${source.where} container ${container.name} loads Secret ${from.secretRef.name} whole via envFrom (use secretKeyRef)`,
            );
          }
        }
      }
      for (const [key, value] of Object.entries(source.metadata?.annotations ?? {})) {
        const leaked = leakIn(value);
        if (leaked.length > 0)
          problems.push(
            `${source.where} annotation ${key} holds the value of ${leaked.join(', ')}`,
          );
      }
    }
    const core = ctx.kc.makeApiClient(CoreV1Api);
    const configMaps = (await core.listNamespacedConfigMap({ namespace: ctx.namespace })).items;
    for (const configMap of configMaps) {
      for (const [key, value] of Object.entries(configMap.data ?? {})) {
        const leaked = leakIn(value);
        const at = `ConfigMap ${configMap.metadata?.name} key ${key}`;
        if (leaked.length > 0) problems.push(`${at} holds the value of ${leaked.join(', ')}`);
        else if (isSecretKey(key)) problems.push(`${at} is a secret key in a ConfigMap`);
      }
    }
    const logLines = await scanLogs(ctx, leakIn, problems);
    ctx.evidence(
      `scanned ${envCount} env entries and the annotations of ${sources.length} pods/templates, ${configMaps.length} ConfigMaps, ${logLines} log lines`,
    );
    if (problems.length > 0) {
      throw new CheckFailedError(
        `${problems.length} secret exposure${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`,
      );
    }
  },
};

function isSecretKey(name: string): boolean {
  return (SECRET_KEYS as readonly string[]).includes(name);
}

function containersOf(spec: V1PodSpec | undefined): V1Container[] {
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

async function podSources(ctx: CheckContext): Promise<PodSource[]> {
  const namespace = ctx.namespace;
  const apps = ctx.kc.makeApiClient(AppsV1Api);
  const batch = ctx.kc.makeApiClient(BatchV1Api);
  const [deployments, statefulSets, jobs, pods] = await Promise.all([
    apps.listNamespacedDeployment({ namespace }),
    apps.listNamespacedStatefulSet({ namespace }),
    batch.listNamespacedJob({ namespace }),
    listPods(ctx.kc, namespace),
  ]);
  const templates = [
    ...deployments.items.map((d) => ({ kind: 'Deployment', object: d })),
    ...statefulSets.items.map((s) => ({ kind: 'StatefulSet', object: s })),
    ...jobs.items.map((j) => ({ kind: 'Job', object: j })),
  ];
  return [
    ...templates.flatMap(({ kind, object }) => [
      { where: `${kind} ${object.metadata?.name}`, metadata: object.metadata, spec: undefined },
      {
        where: `${kind} ${object.metadata?.name} pod template`,
        metadata: object.spec?.template.metadata,
        spec: object.spec?.template.spec,
      },
    ]),
    ...pods.map((pod) => ({
      where: `pod ${pod.metadata?.name}`,
      metadata: pod.metadata,
      spec: pod.spec,
    })),
  ];
}

async function scanLogs(
  ctx: CheckContext,
  leakIn: (text: string) => string[],
  problems: string[],
): Promise<number> {
  let lines = 0;
  for (const pod of await listPods(ctx.kc, ctx.namespace)) {
    const name = pod.metadata?.name ?? '';
    for (const container of pod.spec?.containers ?? []) {
      const log = await lastLogLines(ctx.kc, ctx.namespace, name, container.name, LOG_LINES).catch(
        (error: unknown) => {
          ctx.evidence(
            `log of ${name}/${container.name} not readable: ${(error as Error).message}`,
          );
          return [];
        },
      );
      lines += log.length;
      const leaked = leakIn(log.join('\n'));
      if (leaked.length > 0) {
        problems.push(`the log of ${name}/${container.name} prints ${leaked.join(', ')}`);
      }
    }
  }
  return lines;
}
