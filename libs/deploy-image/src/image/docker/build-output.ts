import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectGraph } from '@nx/devkit';

/**
 * The first output folder of `project`'s `build` target that does not exist, or undefined. The
 * Dockerfiles copy the Nx build output, so a missing one is named before Docker starts.
 */
export function missingBuildOutput(
  graph: Pick<ProjectGraph, 'nodes'>,
  project: string,
  workspaceRoot: string,
): string | undefined {
  const node = graph.nodes[project];
  const build = node?.data.targets?.['build'];
  if (!node || !build) return undefined;
  for (const output of build.outputs ?? []) {
    const path = outputFolder(output, node.data.root, build.options ?? {});
    if (path !== undefined && !existsSync(join(workspaceRoot, path))) return path;
  }
  return undefined;
}

/** `{projectRoot}/.next/!(cache)/**` → `apps/frontend/.next`: the part before any glob. */
export function outputFolder(
  output: string,
  projectRoot: string,
  options: Record<string, unknown>,
): string | undefined {
  let unresolved = false;
  const path = output
    .replace('{workspaceRoot}/', '')
    .replace('{projectRoot}', projectRoot)
    .replace(/\{options\.([\w.]+)\}/g, (_, key: string) => {
      const value = options[key];
      if (typeof value !== 'string') unresolved = true;
      return String(value);
    });
  if (unresolved) return undefined;
  const literal = path.split('/');
  const firstGlob = literal.findIndex((part) => /[*?[\]{}!()]/.test(part));
  const folder = (firstGlob < 0 ? literal : literal.slice(0, firstGlob)).join('/');
  return folder.replace(/\/+$/, '') || undefined;
}
