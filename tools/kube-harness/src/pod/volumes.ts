import type { V1Pod, V1Volume } from '@kubernetes/client-node';
import { chmod, chown, mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigSource } from './env';

/** Where a pod's volume lives on this machine, and whether containers may write to it. */
export interface PreparedVolume {
  hostPath: string;
  readOnly: boolean;
}

/** Raised for a volume the harness cannot provide; the kubelet reports it as FailedMount. */
export class VolumeError extends Error {
  readonly reason = 'FailedMount';
}

/**
 * Prepares a pod's volumes as the kubelet would, as directories bind-mounted into every
 * container that names them: an `emptyDir` is one directory per pod (so init containers and
 * containers share it; Docker's --tmpfs would give each container its own), created 0777 and,
 * with an fsGroup, owned by that group with the setgid bit; a PersistentVolumeClaim is a
 * directory named after the claim that outlives the pod; Secrets and ConfigMaps are files.
 */
export async function prepareVolumes(
  pod: V1Pod,
  podDir: string,
  claimDir: (claim: string) => string,
  config: ConfigSource,
): Promise<Map<string, PreparedVolume>> {
  const fsGroup = pod.spec?.securityContext?.fsGroup;
  const namespace = pod.metadata?.namespace ?? 'default';
  const volumes = new Map<string, PreparedVolume>();
  for (const volume of pod.spec?.volumes ?? []) {
    volumes.set(volume.name, await prepare(volume));
  }
  return volumes;

  async function prepare(volume: V1Volume): Promise<PreparedVolume> {
    if (volume.emptyDir) {
      const dir = join(podDir, 'volumes', volume.name);
      await shareableDir(dir, fsGroup);
      return { hostPath: dir, readOnly: false };
    }
    if (volume.persistentVolumeClaim) {
      const dir = claimDir(volume.persistentVolumeClaim.claimName);
      const fresh = await mkdir(dir, { recursive: true }).then((made) => made !== undefined);
      if (fresh) await shareableDir(dir, fsGroup);
      return { hostPath: dir, readOnly: volume.persistentVolumeClaim.readOnly ?? false };
    }
    if (volume.secret || volume.configMap) {
      const dir = join(podDir, 'volumes', volume.name);
      await mkdir(dir, { recursive: true });
      const source = volume.secret ?? volume.configMap;
      const name = volume.secret?.secretName ?? volume.configMap?.name ?? '';
      const object = volume.secret
        ? config.secret(namespace, name)
        : config.configMap(namespace, name);
      if (!object) {
        if (source?.optional) return { hostPath: dir, readOnly: true };
        const kind = volume.secret ? 'secret' : 'configmap';
        throw new VolumeError(
          `MountVolume.SetUp failed for volume "${volume.name}" : ${kind} "${name}" not found`,
        );
      }
      const data: Record<string, Buffer> = {};
      if (volume.secret) {
        for (const [k, v] of Object.entries(
          (object as { data?: Record<string, string> }).data ?? {},
        )) {
          data[k] = Buffer.from(v, 'base64');
        }
      } else {
        for (const [k, v] of Object.entries(
          (object as { data?: Record<string, string> }).data ?? {},
        )) {
          data[k] = Buffer.from(v, 'utf8');
        }
      }
      const mode = source?.defaultMode ?? 0o644;
      const items =
        source?.items ?? Object.keys(data).map((key) => ({ key, path: key, mode: undefined }));
      for (const item of items) {
        const content = data[item.key];
        if (content === undefined) {
          throw new VolumeError(
            `MountVolume.SetUp failed for volume "${volume.name}" : references non-existent key ${item.key}`,
          );
        }
        const file = join(dir, item.path);
        await writeFile(file, content, { mode: item.mode ?? mode });
        if (fsGroup !== undefined) await chown(file, 0, fsGroup);
      }
      return { hostPath: dir, readOnly: true };
    }
    throw new VolumeError(
      `MountVolume.SetUp failed for volume "${volume.name}" : the harness supports emptyDir, persistentVolumeClaim, secret and configMap volumes only`,
    );
  }
}

/** A directory anyone in the pod can write to: 0777, or 2777 owned by the fsGroup. */
async function shareableDir(dir: string, fsGroup: number | undefined): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (fsGroup === undefined) return chmod(dir, 0o777);
  await chown(dir, 0, fsGroup);
  await chmod(dir, 0o2777);
  await stat(dir);
}
