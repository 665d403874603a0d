/* eslint-disable @typescript-eslint/no-explicit-any -- rendered documents are plain JSON edited by each case */
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

/** The workspace root (tools/kube-harness/test → ../../..). */
export const WORKSPACE = join(import.meta.dirname, '..', '..', '..');

function record(app: string): { repository: string; tag: string } {
  const file = join(WORKSPACE, 'dist', 'images', `${app}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { repository: string; tag: string };
  } catch (error) {
    throw new Error(`${file} is missing: run the image lane first (bash .ci/lanes/50-images.sh)`, {
      cause: error,
    });
  }
}

/**
 * The chart rendered as the release lane renders it (helm 3 from HARNESS_HELM, the image lane's
 * content tags, the lane's PostgreSQL image), then changed by `edit` document by document.
 */
export async function renderChart(
  edit: (doc: Record<string, any>) => void = () => undefined,
  set: string[] = [],
): Promise<string> {
  const helm = process.env['HARNESS_HELM'];
  const postgresql = process.env['HARNESS_POSTGRESQL_IMAGE'] ?? 'pakaura-postgresql:15';
  if (!helm)
    throw new Error(
      'HARNESS_HELM names no helm 3 binary: run these tests through .ci/lanes/60-release.sh',
    );
  const api = record('api');
  const frontend = record('frontend');
  const { stdout } = await execa(helm, [
    'template',
    'pakaura',
    join(WORKSPACE, 'libs', 'chart'),
    '--namespace',
    'pakaura',
    '--set-string',
    `api.image.repository=${api.repository}`,
    '--set-string',
    `api.image.tag=${api.tag}`,
    '--set-string',
    `frontend.image.repository=${frontend.repository}`,
    '--set-string',
    `frontend.image.tag=${frontend.tag}`,
    '--set-string',
    'postgresql.image.registry=',
    '--set-string',
    `postgresql.image.repository=${postgresql.split(':')[0]}`,
    '--set-string',
    `postgresql.image.tag=${postgresql.split(':')[1]}`,
    ...set.flatMap((value) => ['--set', value]),
  ]);
  return parseAllDocuments(stdout)
    .map((document) => document.toJSON() as Record<string, any> | null)
    .filter((doc): doc is Record<string, any> => doc !== null)
    .map((doc) => {
      edit(doc);
      return stringify(doc);
    })
    .join('---\n');
}

/** The pod template of a rendered workload, when `doc` is that workload. */
export function podSpecOf(
  doc: Record<string, any>,
  kind: string,
  name: string,
): Record<string, any> | undefined {
  return doc['kind'] === kind && doc['metadata']?.['name'] === name
    ? doc['spec']['template']['spec']
    : undefined;
}
