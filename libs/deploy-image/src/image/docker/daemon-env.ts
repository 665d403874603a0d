import { ENVIRONMENT_PROJECT } from '@pakaura/deploy-kube/nx-projects';
import { run } from '@pakaura/deploy-kube/process';
import type { ImageBuildOptions as NormalizedImageOptions } from '../build-options';

/**
 * The environment that points the Docker client at the target's daemon: minikube's, read from
 * `minikube docker-env --shell none` in-process (no `eval`); the caller's own for other targets.
 */
export async function daemonEnv(
  options: Pick<NormalizedImageOptions, 'target' | 'minikubeProfile'>,
): Promise<Record<string, string>> {
  if (options.target !== 'minikube') return {};
  const { stdout } = await run(
    'minikube',
    ['docker-env', '--shell', 'none', '-p', options.minikubeProfile],
    { hint: `Is the cluster running? Run: nx run ${ENVIRONMENT_PROJECT}:cluster` },
  );
  const env = parseDockerEnv(stdout);
  if (!env['DOCKER_HOST']) {
    throw new Error(
      `minikube -p ${options.minikubeProfile} docker-env printed no DOCKER_HOST: is the profile using the docker container runtime?`,
    );
  }
  return env;
}

/** `KEY=VALUE` lines (the `--shell none` format) into an object; comments and blanks skipped. */
export function parseDockerEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*?)\s*$/.exec(line);
    if (match) env[match[1] as string] = (match[2] as string).replace(/^"(.*)"$/, '$1');
  }
  return env;
}
