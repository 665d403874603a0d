import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ImageKey } from '@pakaura/contract';
import { IMAGE_PROJECTS } from '@pakaura/deploy-kube/nx-projects';

/**
 * What the image step built, written where the deploy step reads it:
 * `dist/images/<app>.json` under the workspace root.
 */
export interface ImageRecord {
  app: ImageKey;
  /** Repository, fully qualified when pushed to a registry: `pakaura-api` or `registry:5000/pakaura-api`. */
  repository: string;
  /** The content tag, `4.0.0-<hash>`. */
  tag: string;
  /** The hash of everything that goes into the image. */
  contentHash: string;
  /** Where the image lives: the local daemon, minikube's daemon, a kind node, or a registry. */
  target: 'docker' | 'minikube' | 'kind' | 'registry';
}

export function imageRecordPath(workspaceRoot: string, app: ImageKey): string {
  return join(workspaceRoot, 'dist', 'images', `${app}.json`);
}

export function writeImageRecord(workspaceRoot: string, record: ImageRecord): string {
  const file = imageRecordPath(workspaceRoot, record.app);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** The record of the last build of `app`, or a clear error saying which target builds it. */
export function readImageRecord(workspaceRoot: string, app: ImageKey): ImageRecord {
  const file = imageRecordPath(workspaceRoot, app);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `No image has been built for ${app} (${file} is missing). Run: nx run ${IMAGE_PROJECTS[app]}:image`,
      {
        cause: error,
      },
    );
  }
  return JSON.parse(text) as ImageRecord;
}
