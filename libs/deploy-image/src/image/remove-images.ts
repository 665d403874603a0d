import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { APP_VERSION, IMAGE_NAMES, type ImageKey } from '@pakaura/contract';
import { run } from '@pakaura/deploy-kube/process';
import { imageRecordPath, readImageRecord, type ImageRecord } from './record';

export interface RemoveImagesOptions {
  workspaceRoot: string;
  docker?: string;
  minikubeProfile: string;
  kindCluster: string;
  /** The cluster is deleted right after: images inside it go with it. */
  clusterGoes: boolean;
}

/** The image records `pakaura build` left, one per app that was built. */
export function builtImages(workspaceRoot: string): ImageRecord[] {
  const dir = dirname(imageRecordPath(workspaceRoot, 'api'));
  if (!existsSync(dir)) return [];
  return (Object.keys(IMAGE_NAMES) as ImageKey[])
    .filter((app) => existsSync(imageRecordPath(workspaceRoot, app)))
    .map((app) => readImageRecord(workspaceRoot, app));
}

/** What removing a record's image means, for the plan a person confirms. */
export function describeRemoval(record: ImageRecord, clusterGoes: boolean): string {
  const refs = `${record.repository}:${record.tag} (and :${APP_VERSION})`;
  switch (record.target) {
    case 'minikube':
      return `${refs} from minikube's Docker daemon${clusterGoes ? ' (with the cluster)' : ''}`;
    case 'kind':
      return `${refs} from the local Docker daemon${clusterGoes ? '' : ' and the kind node'}`;
    case 'registry':
      return `${refs} from the local Docker daemon (the registry keeps its copy)`;
    default:
      return `${refs} from the local Docker daemon`;
  }
}

/**
 * Removes the images a build recorded from where it put them (T043 "cleanup everything"), then
 * the record, so the next deploy does not name an image that is gone. Returns one line per image.
 */
export async function removeBuiltImages(options: RemoveImagesOptions): Promise<string[]> {
  const docker = options.docker ?? 'docker';
  const lines: string[] = [];
  for (const record of builtImages(options.workspaceRoot)) {
    const refs = [`${record.repository}:${record.tag}`, `${record.repository}:${APP_VERSION}`];
    if (record.target === 'minikube') {
      if (!options.clusterGoes) {
        const env = await minikubeDockerEnv(options.minikubeProfile);
        await run(docker, ['rmi', '--force', ...refs], { env, reject: false });
      }
    } else {
      await run(docker, ['rmi', '--force', ...refs], { reject: false });
      if (record.target === 'kind' && !options.clusterGoes) {
        const node = `${options.kindCluster}-control-plane`;
        for (const ref of refs) {
          await run(docker, ['exec', node, 'crictl', 'rmi', `docker.io/library/${ref}`], {
            reject: false,
          });
        }
      }
    }
    rmSync(imageRecordPath(options.workspaceRoot, record.app), { force: true });
    lines.push(`Image ${describeRemoval(record, options.clusterGoes)} removed.`);
  }
  const dir = dirname(imageRecordPath(options.workspaceRoot, 'api'));
  if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true });
  return lines;
}

/** `minikube docker-env --shell none`, read in-process: the variables of minikube's daemon. */
export async function minikubeDockerEnv(profile: string): Promise<Record<string, string>> {
  const { stdout } = await run('minikube', ['docker-env', '--shell', 'none', '-p', profile]);
  const env: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*?)\s*$/.exec(line);
    if (match) env[match[1] as string] = (match[2] as string).replace(/^"(.*)"$/, '$1');
  }
  return env;
}
