import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { NxJsonConfiguration, ProjectGraph } from '@nx/devkit';
import { type ImageKey } from '@pakaura/contract';
import { IMAGE_PROJECTS } from '@pakaura/deploy-kube/nx-projects';
import type { ImageInputs } from './content-hash';

/** The build argument every Dockerfile takes its Node base image from. */
export const BASE_IMAGE_ARG = 'NODE_IMAGE';

export type GraphLike = Pick<ProjectGraph, 'nodes' | 'dependencies'>;

/** `project` followed by every workspace project it depends on, directly or not (npm packages excluded). */
export function dependencyClosure(graph: GraphLike, project: string): string[] {
  if (!graph.nodes[project]) throw new Error(`Project ${project} is not in the Nx project graph.`);
  const seen = new Set<string>([project]);
  const queue = [project];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const { target } of graph.dependencies[current] ?? []) {
      if (graph.nodes[target] && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [project, ...[...seen].slice(1).sort()];
}

/**
 * What a build's Nx inputs say about its image: the workspace files they name
 * (`{workspaceRoot}/...`, e.g. the lockfile) and the project files they leave out
 * (`!{projectRoot}/...`, e.g. specs), following the named inputs they refer to (`production`,
 * `^production`, `sharedGlobals`...). Other kinds of input (env, runtime, external packages) are
 * not files in the image and are left out.
 */
export function buildInputs(
  nxJson: Pick<NxJsonConfiguration, 'namedInputs'>,
  inputs: readonly unknown[] = ['production'],
): { workspaceFiles: string[]; projectExclusions: string[] } {
  const named = nxJson.namedInputs ?? {};
  const workspaceFiles = new Set<string>();
  const projectExclusions = new Set<string>();
  const visit = (entries: readonly unknown[], trail: readonly string[]): void => {
    for (const input of entries) {
      if (typeof input !== 'string') continue;
      const name = input.replace(/^\^/, '');
      if (input.startsWith('{workspaceRoot}/')) workspaceFiles.add(input.slice(16));
      else if (input.startsWith('!{projectRoot}/')) projectExclusions.add(input.slice(15));
      else if (named[name] && !trail.includes(name)) visit(named[name], [...trail, name]);
    }
  };
  visit(inputs, []);
  return { workspaceFiles: [...workspaceFiles].sort(), projectExclusions: [...projectExclusions] };
}

/** The default of `ARG NODE_IMAGE=...` in a Dockerfile, or undefined when it declares none. */
export function baseImageOf(dockerfile: string): string | undefined {
  const match = new RegExp(`^\\s*ARG\\s+${BASE_IMAGE_ARG}=(\\S+)`, 'im').exec(dockerfile);
  return match?.[1]?.replace(/^["']|["']$/g, '');
}

export interface ResolveImageInputsOptions {
  workspaceRoot: string;
  graph: GraphLike;
  nxJson: Pick<NxJsonConfiguration, 'namedInputs'>;
  app: ImageKey;
  /** Overrides the Dockerfile's `NODE_IMAGE` default. */
  baseImage?: string;
  /** Relative to the workspace root; default `<project root>/Dockerfile`. */
  dockerfile?: string;
}

/**
 * The inputs of `app`'s image: its Dockerfile (default `<project root>/Dockerfile`) and the
 * `<Dockerfile>.dockerignore` beside it, the sources of the app's project and of every project it
 * depends on, the workspace files its `build` target reads (default: the `production` input's),
 * and the base image.
 */
export function resolveImageInputs(options: ResolveImageInputsOptions): ImageInputs {
  const { workspaceRoot, graph, app } = options;
  const projects = dependencyClosure(graph, IMAGE_PROJECTS[app]);
  const projectRoots = projects.map((name) => graph.nodes[name]?.data.root as string);
  const dockerfile = options.dockerfile ?? posix.join(projectRoots[0] as string, 'Dockerfile');
  const dockerfilePath = join(workspaceRoot, dockerfile);
  if (!existsSync(dockerfilePath)) {
    throw new Error(`${dockerfile} does not exist: the ${app} image has no Dockerfile.`);
  }
  const ignoreFile = `${dockerfile}.dockerignore`;
  const baseImage = options.baseImage ?? baseImageOf(readFileSync(dockerfilePath, 'utf8'));
  if (!baseImage) {
    throw new Error(
      `${dockerfile} declares no default for ARG ${BASE_IMAGE_ARG}: add one or pass a base image.`,
    );
  }
  const buildTarget = graph.nodes[projects[0] as string]?.data.targets?.['build'];
  const { workspaceFiles, projectExclusions } = buildInputs(options.nxJson, buildTarget?.inputs);
  return {
    workspaceRoot,
    projectRoots,
    dockerfile,
    ignoreFile: existsSync(join(workspaceRoot, ignoreFile)) ? ignoreFile : undefined,
    workspaceFiles: workspaceFiles.filter((file) => existsSync(join(workspaceRoot, file))),
    projectExclusions,
    baseImage,
  };
}
