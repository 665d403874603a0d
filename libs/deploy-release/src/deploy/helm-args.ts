import { DIGEST_PREFIX } from './digest';
import { helmTargetArgs } from './release-state';

export interface UpgradeArgsInput {
  release: string;
  chartDir: string;
  namespace: string;
  context: string;
  kubeconfig?: string;
  valuesFiles: readonly string[];
  /** Image repositories and tags, passed with --set-string so a tag like `4.0.0-1e10` stays a string. */
  imageValues: Readonly<Record<string, string>>;
  /** The person's extra values, passed with --set (typed: numbers and booleans stay so). */
  set: Readonly<Record<string, string>>;
  /** The owner-only values file holding the secret values (see writeSecretValuesFile). */
  secretValuesFile?: string;
  timeout: string;
  atomic: boolean;
  digest: string;
  helmMajor: number;
  /** Helm 4: take fields owned by another field manager back (--force-conflicts). */
  forceConflicts?: boolean;
}

/**
 * Seed T044's `helm upgrade --install`, with the content tags, the digest in the release
 * description, and the Helm 3 or Helm 4 spelling of "wait, and roll back on failure". Secret
 * values come last among the values files (they win over the person's files, as --set did) and
 * never as --set: a command line is readable by every user of the machine.
 */
export function upgradeArgs(input: UpgradeArgsInput): string[] {
  const rollback = input.atomic
    ? [input.helmMajor >= 4 ? '--rollback-on-failure' : '--atomic']
    : [];
  const wait = input.helmMajor >= 4 ? '--wait=watcher' : '--wait';
  return [
    'upgrade',
    '--install',
    input.release,
    input.chartDir,
    ...helmTargetArgs(input),
    '--create-namespace',
    ...[...input.valuesFiles, ...(input.secretValuesFile ? [input.secretValuesFile] : [])].flatMap(
      (file) => ['--values', file],
    ),
    ...Object.entries(input.imageValues).flatMap(([key, value]) => [
      '--set-string',
      `${key}=${escapeSetValue(value)}`,
    ]),
    ...Object.entries(input.set).flatMap(([key, value]) => [
      '--set',
      `${key}=${escapeSetValue(value)}`,
    ]),
    wait,
    '--timeout',
    input.timeout,
    ...rollback,
    ...(input.forceConflicts && input.helmMajor >= 4 ? ['--force-conflicts'] : []),
    '--description',
    `Deployed by Pakaura (${DIGEST_PREFIX}${input.digest})`,
  ];
}

/** helm splits --set on commas and reads backslashes: escape both in a value. */
export function escapeSetValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/**
 * `helm template` with exactly the values the upgrade will get, as an upgrade renders
 * (`--is-upgrade`): the release as it would be upgraded, offline (lookup answers nothing).
 */
export function templateArgs(
  input: Omit<
    UpgradeArgsInput,
    'timeout' | 'atomic' | 'digest' | 'helmMajor' | 'context' | 'kubeconfig'
  >,
): string[] {
  return [
    'template',
    input.release,
    input.chartDir,
    '--namespace',
    input.namespace,
    '--is-upgrade',
    ...[...input.valuesFiles, ...(input.secretValuesFile ? [input.secretValuesFile] : [])].flatMap(
      (file) => ['--values', file],
    ),
    ...Object.entries(input.imageValues).flatMap(([key, value]) => [
      '--set-string',
      `${key}=${escapeSetValue(value)}`,
    ]),
    ...Object.entries(input.set).flatMap(([key, value]) => [
      '--set',
      `${key}=${escapeSetValue(value)}`,
    ]),
  ];
}
