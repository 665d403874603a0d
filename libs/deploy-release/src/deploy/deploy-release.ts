import { CHART_IMAGE_VALUES, K8S_NAMES } from '@pakaura/contract';
import { readImageRecord } from '@pakaura/deploy-image';
import { guardContext } from '@pakaura/deploy-kube/kube';
import { redact, run } from '@pakaura/deploy-kube/process';
import { deployDigest, digestOf } from './digest';
import { templateArgs, upgradeArgs } from './helm-args';
import type { DeployOptions } from './options';
import type { PodFailure } from './pod-failure';
import { lineReporter, type ProgressReporter } from './progress';
import { helmMajor, readReleaseState, type ReleaseRef, type ReleaseState } from './release-state';
import { splitSecretValues, writeSecretValuesFile } from './secret-values-file';
import { recoverPendingRelease } from './pending-release';
import type { ManifestRef } from './manifest';
import { refusedChanges } from './upgrade-check';

export interface DeployIO {
  info(line: string): void;
  /** Shows the rollout while helm waits; default: one line per change through `info`. */
  progress?: ProgressReporter;
}

export type DeployResult =
  | { outcome: 'up-to-date'; context: string; revision: number; digest: string }
  | {
      outcome: 'deployed';
      context: string;
      revision: number;
      digest: string;
      /** `repository:tag` of each deployed image. */
      images: string[];
    };

/** A deploy that did not finish: `message` is one line, `details` what to look at. */
export class DeployFailedError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'DeployFailedError';
  }
}

/** SIGTERM makes helm fail the revision and, with --atomic, roll back: give it time for that. */
const HELM_ROLLBACK_GRACE_MS = 180_000;

/**
 * Seed T044: installs or upgrades the release with the images' content tags, unless the release
 * already carries the digest of exactly this chart, these values and these tags. While helm
 * waits, the release's pods are watched and the deploy stops at the first one that cannot start,
 * with its events and logs; the release state afterwards is always stated.
 */
export async function deployRelease(options: DeployOptions, io: DeployIO): Promise<DeployResult> {
  const { context } = await guardContext(options, 'deploy');
  const records = options.apps.map((app) => readImageRecord(options.workspaceRoot, app));
  const imageValues: Record<string, string> = {};
  for (const record of records) {
    imageValues[CHART_IMAGE_VALUES[record.app].repository] = record.repository;
    imageValues[CHART_IMAGE_VALUES[record.app].tag] = record.tag;
  }
  const digest = deployDigest({
    chartDir: options.chartDir,
    valuesFiles: options.valuesFiles,
    set: { ...imageValues, ...options.set },
  });
  const ref: ReleaseRef = { ...options, context };
  const before = await recoverPendingRelease(
    ref,
    await readReleaseState(ref),
    durationMs(options.timeout),
    (line) => io.info(line),
  );
  if (!options.force && before?.status === 'deployed' && digestOf(before.description) === digest) {
    const missing = await workloadsGone(options, context, before.manifest, io);
    if (missing.length === 0) {
      io.info(
        `Release ${options.release} (revision ${before.revision}) in ${context} is up to date: same chart, values and images. Nothing to deploy.`,
      );
      return { outcome: 'up-to-date', context, revision: before.revision, digest };
    }
    io.info(
      `Release ${options.release} (revision ${before.revision}) has the same chart, values and images, but ${missing.map((m) => `${m.kind} ${m.name}`).join(', ')} no longer ${missing.length > 1 ? 'exist' : 'exists'} in the cluster: upgrading to restore ${missing.length > 1 ? 'them' : 'it'}.`,
    );
  }

  const images = records.map((r) => `${r.repository}:${r.tag}`);
  io.info(
    `${before ? `Upgrading release ${options.release} from revision ${before.revision}` : `Installing release ${options.release}`} in namespace ${options.namespace} (context ${context}) with ${images.join(', ')}; waiting up to ${options.timeout} for it to be ready.`,
  );
  const { secrets: secretValues, plain } = splitSecretValues(options.set);
  const secrets = Object.values(secretValues);
  const major = await helmMajor(options.helm);
  const secretFile = secrets.length > 0 ? writeSecretValuesFile(secretValues) : undefined;
  try {
    if (before) {
      await checkUpgrade(options, before, {
        context,
        secrets,
        args: templateArgs({
          ...options,
          set: plain,
          secretValuesFile: secretFile?.path,
          imageValues,
        }),
      });
    }
    return await upgrade(options, io, {
      ref,
      before,
      digest,
      images,
      secrets,
      args: upgradeArgs({
        ...options,
        set: plain,
        secretValuesFile: secretFile?.path,
        context,
        imageValues,
        digest,
        helmMajor: major,
      }),
    });
  } finally {
    secretFile?.dispose();
  }
}

interface UpgradePlan {
  ref: ReleaseRef;
  before: ReleaseState | undefined;
  digest: string;
  images: string[];
  /** Secret values to mask in every line shown. */
  secrets: string[];
  args: string[];
}

/** Runs helm while the pods are watched, and says what state a failure left. */
async function upgrade(
  options: DeployOptions,
  io: DeployIO,
  { ref, before, digest, images, secrets, args }: UpgradePlan,
): Promise<DeployResult> {
  const { context } = ref;
  // Loaded only when there is something to deploy: @kubernetes/client-node takes a second of CPU
  // to load, which the "up to date" path does not need.
  const [{ loadKubeConfig }, { monitorRollout }, { diagnosePodFailure }] = await Promise.all([
    import('@pakaura/deploy-kube/kube'),
    import('./rollout-monitor'),
    import('./diagnose'),
  ]);
  const kc = loadKubeConfig({ kubeconfig: options.kubeconfig, context });
  const progress = io.progress ?? lineReporter((line) => io.info(line));
  const monitor = options.failFast
    ? monitorRollout(kc, {
        namespace: options.namespace,
        labelSelector: `app.kubernetes.io/instance=${options.release}`,
        onProgress: (view) => progress.update(view),
        onNotice: (line) => progress.line(`  ${line}`),
        policy: options.stuckPolicy,
      })
    : undefined;
  const abort = new AbortController();
  const helm = run(options.helm, args, {
    stdio: 'tee',
    signal: abort.signal,
    forceKillAfterMs: HELM_ROLLBACK_GRACE_MS,
    secrets,
  }).then(
    () => ({ kind: 'done' as const }),
    (error: Error) => ({ kind: 'helm-failed' as const, error }),
  );
  const first = await Promise.race([
    helm,
    ...(monitor
      ? [monitor.failure.then((failure) => ({ kind: 'pod-failed' as const, failure }))]
      : []),
  ]);

  try {
    if (first.kind === 'pod-failed') {
      const details = await diagnosePodFailure(kc, options.namespace, first.failure, {
        secretName: K8S_NAMES.secret,
        values: secrets,
      });
      progress.line(`  ${podSentence(first.failure)}: stopping helm`);
      abort.abort();
      await helm;
      const state = await releaseStateSentence(ref, before, options);
      throw new DeployFailedError(
        `Deploy failed: ${podSentence(first.failure)}. ${state}`,
        details,
      );
    }
    if (first.kind === 'helm-failed') {
      const state = await releaseStateSentence(ref, before, options);
      const conflict = applyConflict(first.error.message);
      if (conflict) {
        throw new DeployFailedError(`Deploy failed: ${conflict} ${state}`, [
          'Helm 4 applies server-side, and those fields now belong to the tool that changed them (kubectl scale, kubectl edit, an operator).',
          "Choose: deploy again with forceConflicts (--force-conflicts: the chart's values win, e.g. the replicas go back to api.replicas),",
          'or put the value you set by hand into the chart\'s values so that both agree. See docs/REAL-CLUSTER.md, "Server-side apply conflicts".',
          ...first.error.message.split('\n').slice(1),
        ]);
      }
      throw new DeployFailedError(
        `Deploy failed: ${first.error.message.split('\n')[0]} ${state}`,
        first.error.message.split('\n').slice(1),
      );
    }
  } finally {
    await monitor?.stop();
    progress.done();
  }
  const after = await readReleaseState(ref);
  const revision = after?.revision ?? 0;
  io.info(`Release ${options.release} is deployed at revision ${revision} and ready.`);
  return { outcome: 'deployed', context, revision, digest, images };
}

/** One sentence naming the pod (or the object) at fault and its state. */
function podSentence(failure: PodFailure): string {
  switch (failure.reason) {
    case 'Unschedulable':
      return `pod ${failure.pod} cannot be scheduled: ${failure.message}`;
    case 'PersistentVolumeClaimPending':
      return `pod ${failure.pod} cannot start: ${failure.message}`;
    case 'InitContainerStuck':
      return `pod ${failure.pod} cannot start: ${failure.message}`;
    case 'JobFailed':
      return `${failure.message}; its pod ${failure.pod}, container ${failure.container}, failed`;
    default:
      return `pod ${failure.pod} cannot start, container ${failure.container} is ${failure.reason}`;
  }
}

/** Says what the failed deploy left behind, so nothing is half-deployed without a word. */
async function releaseStateSentence(
  ref: ReleaseRef,
  before: ReleaseState | undefined,
  options: DeployOptions,
): Promise<string> {
  let after: ReleaseState | undefined;
  try {
    after = await readReleaseState(ref);
  } catch (error) {
    return `The release state could not be read (${(error as Error).message.split('\n')[0]}); check it with: helm status ${options.release} -n ${options.namespace} --kube-context ${ref.context}`;
  }
  const rollback = `helm rollback ${options.release} -n ${options.namespace} --kube-context ${ref.context}`;
  if (!after) {
    return before
      ? 'The release is gone.'
      : 'Nothing was left installed: helm removed the failed first install (--atomic).';
  }
  if (after.status === 'deployed' && before && after.revision > before.revision) {
    const target = /Rollback to (\d+)/.exec(after.description)?.[1] ?? String(before.revision);
    return `The release was rolled back to revision ${target} (--atomic): what ran before still runs.`;
  }
  if (after.status === 'deployed' && before && after.revision === before.revision) {
    return `The release is unchanged at revision ${before.revision}.`;
  }
  return `The release is left at revision ${after.revision} in state ${after.status}: fix the cause and deploy again, or roll back with: ${rollback}`;
}

/** `5m` → 300000 (helm's --timeout, as the executor's schema allows it). */
function durationMs(timeout: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(timeout);
  if (!match) return 300_000;
  return Number(match[1]) * { s: 1_000, m: 60_000, h: 3_600_000 }[match[2] as 's' | 'm' | 'h'];
}

/** The release's Deployments and StatefulSets deleted behind helm's back (none when it cannot tell). */
async function workloadsGone(
  options: DeployOptions,
  context: string,
  manifest: string,
  io: DeployIO,
): Promise<ManifestRef[]> {
  if (!/^kind: (Deployment|StatefulSet)$/m.test(manifest)) return [];
  const [{ loadKubeConfig }, { missingWorkloads }] = await Promise.all([
    import('@pakaura/deploy-kube/kube'),
    import('./release-workloads'),
  ]);
  try {
    const kc = loadKubeConfig({ kubeconfig: options.kubeconfig, context });
    return await missingWorkloads(kc, options.namespace, manifest);
  } catch (error) {
    io.info(
      `Could not check that the release's workloads still exist (${(error as Error).message}); trusting helm's record.`,
    );
    return [];
  }
}

/**
 * Before helm touches an installed release: render it as it would be upgraded and refuse what
 * the API server would refuse half-way through (immutable fields), or what would lock the API
 * out of its database (a changed secrets.dbPassword).
 */
async function checkUpgrade(
  options: DeployOptions,
  before: ReleaseState,
  plan: { context: string; secrets: string[]; args: string[] },
): Promise<void> {
  const rendered = await run(options.helm, plan.args, { reject: false, secrets: plan.secrets });
  if (rendered.exitCode !== 0) {
    throw new DeployFailedError(
      `Deploy failed: the chart does not render with these values: ${redact(rendered.stderr.trim().replace(/^Error: /, ''), plan.secrets)}. Nothing was changed.`,
    );
  }
  const refused = refusedChanges(before.manifest, rendered.stdout);
  if (refused.length > 0) {
    throw new DeployFailedError(
      `Deploy refused: Kubernetes does not allow ${refused.map((c) => `${c.object} ${c.field}`).join(', ')} to change on an existing object, so helm would fail half-way. Nothing was changed.`,
      refused.map((c) => `${c.object} ${c.field}: ${c.fix}.`),
    );
  }
  const [{ loadKubeConfig }, { dbPasswordChangeRefusal, suppliedDbPassword }] = await Promise.all([
    import('@pakaura/deploy-kube/kube'),
    import('./db-password'),
  ]);
  const supplied = suppliedDbPassword(options.valuesFiles, options.set);
  if (supplied === undefined) return;
  const kc = loadKubeConfig({ kubeconfig: options.kubeconfig, context: plan.context });
  const refusal = await dbPasswordChangeRefusal(kc, options.namespace, rendered.stdout, supplied);
  if (refusal) {
    const [first, ...rest] = refusal.split('\n');
    throw new DeployFailedError(`Deploy refused: ${first}`, rest);
  }
}

/**
 * The sentence for a server-side apply conflict, from the API server's own words that Helm 4
 * passes on ("Apply failed with 1 conflict: conflict with \"kubectl\" using apps/v1:
 * .spec.replicas", sigs.k8s.io/structured-merge-diff merge/conflict.go), or undefined.
 */
function applyConflict(message: string): string | undefined {
  const found = /Apply failed with \d+ conflicts?: (.+)/.exec(message);
  if (!found) return undefined;
  const conflicts = [...found[1].matchAll(/conflict with "([^"]+)"(?: using [^:]+)?: ([^\s,]+)/g)];
  const what = conflicts.map(([, manager, field]) => `${field} (changed by ${manager})`).join(', ');
  return `another tool changed ${what || found[1]} since the last deploy, and helm will not overwrite it without --force-conflicts.`;
}
