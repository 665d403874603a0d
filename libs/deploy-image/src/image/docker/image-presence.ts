import { ENVIRONMENT_PROJECT } from '@pakaura/deploy-kube/nx-projects';
import { installHint, run } from '@pakaura/deploy-kube/process';
import type { ImageBuildOptions as NormalizedImageOptions } from '../build-options';

type PresenceOptions = Pick<
  NormalizedImageOptions,
  'target' | 'docker' | 'kindCluster' | 'minikubeProfile' | 'registry'
>;

/**
 * Whether the target already holds `ref`: the daemon's image store (docker, minikube), the kind
 * cluster's control-plane node (containerd, asked through `crictl`), or the registry. A daemon
 * that does not answer is an error, not an absent image.
 */
export async function imagePresent(
  options: PresenceOptions,
  ref: string,
  env: Record<string, string>,
): Promise<boolean> {
  if (options.target === 'registry') {
    const result = await run(options.docker, ['manifest', 'inspect', ref], { reject: false });
    if (result.exitCode === 0) return true;
    if (/no such manifest|manifest unknown|not found/i.test(result.stderr)) return false;
    throw new Error(
      `Cannot ask registry ${options.registry} for ${ref}: ${lastLine(result.stderr)}`,
    );
  }
  if (options.target === 'kind') {
    const node = `${options.kindCluster}-control-plane`;
    const result = await run(options.docker, ['exec', node, 'crictl', 'inspecti', qualified(ref)], {
      reject: false,
    });
    if (result.exitCode === 0) return true;
    if (ENGINE_DOWN.test(result.stderr)) throw engineDown(options, result.stderr);
    if (/no such container/i.test(result.stderr)) {
      throw new Error(
        `kind cluster "${options.kindCluster}" has no node ${node}: create it with kind create cluster --name ${options.kindCluster}`,
      );
    }
    return false;
  }
  const result = await run(options.docker, ['image', 'inspect', '--format', '{{.Id}}', ref], {
    env,
    reject: false,
  });
  if (result.exitCode === 0) return true;
  if (/no such image/i.test(result.stderr)) return false;
  throw engineDown(options, result.stderr);
}

const ENGINE_DOWN = /cannot connect|is the docker daemon running|error during connect/i;

function engineDown(options: PresenceOptions, stderr: string): Error {
  const fix =
    options.target === 'minikube'
      ? `Is minikube (profile ${options.minikubeProfile}) running? Run: nx run ${ENVIRONMENT_PROJECT}:cluster`
      : installHint('docker');
  return new Error(`The Docker engine did not answer: ${lastLine(stderr)}. ${fix}`);
}

/** containerd names images fully: `pakaura-api:1` is `docker.io/library/pakaura-api:1`. */
export function qualified(ref: string): string {
  const first = ref.split('/')[0] as string;
  const hasRegistry =
    ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return ref;
  return ref.includes('/') ? `docker.io/${ref}` : `docker.io/library/${ref}`;
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => line.trim())
      .pop()
      ?.trim() ?? 'no output'
  ).replace(/[.?]$/, '');
}
