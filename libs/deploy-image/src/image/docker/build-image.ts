import { join } from 'node:path';
import { APP_VERSION, IMAGE_NAMES } from '@pakaura/contract';
import { BASE_IMAGE_ARG } from '../image-inputs';
import { run, ToolFailedError } from '@pakaura/deploy-kube/process';
import type { ImageBuildOptions as NormalizedImageOptions } from '../build-options';

/** Label carrying the content hash, so `docker inspect` tells which inputs an image came from. */
export const CONTENT_HASH_LABEL = 'dev.pakaura.content-hash';

export interface ImageToBuild {
  /** `4.0.0-<hash>`. */
  tag: string;
  hash: string;
  baseImage: string;
  /** Relative to the workspace root. */
  dockerfile: string;
}

type BuildOptions = Pick<
  NormalizedImageOptions,
  'app' | 'repository' | 'context' | 'network' | 'docker' | 'workspaceRoot'
>;

/** `docker build` argv: both tags, the base image argument, OCI labels, the context last. */
export function buildArgs(options: BuildOptions, image: ImageToBuild): string[] {
  return [
    'build',
    '--file',
    join(options.workspaceRoot, image.dockerfile),
    '--tag',
    `${options.repository}:${image.tag}`,
    '--tag',
    `${options.repository}:${APP_VERSION}`,
    '--build-arg',
    `${BASE_IMAGE_ARG}=${image.baseImage}`,
    '--label',
    `org.opencontainers.image.title=${IMAGE_NAMES[options.app]}`,
    '--label',
    `org.opencontainers.image.version=${APP_VERSION}`,
    '--label',
    `${CONTENT_HASH_LABEL}=${image.hash}`,
    ...(options.network ? ['--network', options.network] : []),
    options.context,
  ];
}

/**
 * Runs the build with BuildKit against the daemon `env` points at, streaming its progress. A
 * failure becomes one line: BuildKit's own error line, which names the step and the cause.
 */
export async function buildImage(
  options: BuildOptions,
  image: ImageToBuild,
  env: Record<string, string>,
): Promise<void> {
  try {
    await run(options.docker, buildArgs(options, image), {
      env: { ...env, DOCKER_BUILDKIT: '1' },
      stdio: 'tee',
    });
  } catch (error) {
    if (!(error instanceof ToolFailedError)) throw error;
    throw new Error(
      `docker build of ${options.repository}:${image.tag} failed: ${buildFailureCause(error.stderr)}`,
      { cause: error },
    );
  }
}

/**
 * The line of BuildKit's output that names the cause: its closing summary, the last line that
 * says error or failed (Docker 20.10 ends with `failed to compute cache key: ...` or `executor
 * failed running [...]`, buildx with `ERROR: failed to solve: ...`), else the last line.
 */
export function buildFailureCause(output: string): string {
  const lines = output
    .split('\n')
    .map((line) => stripAnsi(line).trim())
    .filter(Boolean);
  const cause = [...lines].reverse().find((line) => /\b(error|failed)\b/i.test(line));
  return (cause ?? lines.at(-1) ?? 'no output').replace(/^(#\d+\s+)?(error|ERROR):?\s*/, '');
}

/** Removes terminal colour codes (ESC [ ... m) that BuildKit adds on a terminal. */
function stripAnsi(line: string): string {
  const escape = String.fromCharCode(27);
  return line
    .split(escape)
    .map((part, index) => (index === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
}
